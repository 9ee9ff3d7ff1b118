/**
 * An invoice as a PDF (pdfmake, its bundled Roboto: Latin and Cyrillic), in the reader's
 * language, with the seller's and customer's blocks as issued, the lines, tax and totals, and the
 * reverse-charge note. The words are the pages' own (i18n/locales/<lang>/invoices.json).
 */
import pdfmake from 'pdfmake'
import vfs from 'pdfmake/build/vfs_fonts.js'
import en from '../../../i18n/locales/en/invoices.json'
import ru from '../../../i18n/locales/ru/invoices.json'
import { formatMinor } from '#shared/billing/format'
import { fillPlaceholders } from '#shared/alerts/kinds'
import type { invoiceDetail, InvoiceRow } from './invoices'
import { sellerSettings } from './settings'

type PdfLang = 'en' | 'ru'

let ready = false
function setUp() {
  if (ready) return
  for (const [name, b64] of Object.entries(vfs)) pdfmake.virtualfs.writeFileSync(name, Buffer.from(b64 as string, 'base64'))
  pdfmake.setFonts({ Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' } })
  // Nothing from outside: no URL, no local file is ever read into an invoice.
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy(() => false)
  ready = true
}

const WORDS = { en: en.invoices.pdf, ru: ru.invoices.pdf }

export async function invoicePdf(inv: InvoiceRow, detail: Awaited<ReturnType<typeof invoiceDetail>>, lang: PdfLang): Promise<Buffer> {
  setUp()
  const w = WORDS[lang]
  const locale = lang === 'ru' ? 'ru-RU' : 'en-GB'
  const m = (n: number) => formatMinor(n, inv.currency, locale)
  const day = (d: Date | null) => (d ? d.toLocaleDateString(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }) : '—')
  const s = inv.sellerSnapshot
  const c = inv.customerSnapshot
  const brand = s.name || (await sellerSettings()).seller_name
  const title = inv.kind === 'credit_note' ? w.creditNote : w.invoice
  const party = (label: string, p: Record<string, string | null>) => ({
    stack: [
      { text: label, style: 'label' },
      { text: p.company || p.name || '—', bold: true },
      ...(p.company && p.name ? [p.name] : []),
      ...(p.address ? [p.address] : []),
      ...(p.country ? [`${w.country}: ${p.country}`] : []),
      ...(p.vat_id ? [`${w.vatId}: ${p.vat_id}`] : []),
      ...(p.email ? [p.email] : []),
    ],
  })
  const period = (l: { periodStart: Date | null, periodEnd: Date | null }) => (l.periodStart && l.periodEnd ? `\n${day(l.periodStart)} – ${day(l.periodEnd)}` : '')
  const body = [
    [w.description, w.quantity, w.unitPrice, w.tax, w.amount].map(t => ({ text: t, style: 'th' })),
    ...detail.lines.map(l => [
      `${l.description}${period(l)}`,
      { text: String(l.quantity), alignment: 'right' },
      { text: m(l.unitMinor), alignment: 'right' },
      { text: `${(l.taxRateBp / 100).toLocaleString(locale)} %`, alignment: 'right' },
      { text: m(l.totalMinor), alignment: 'right' },
    ]),
  ]
  const totals = [
    [w.subtotal, m(inv.subtotalMinor)],
    [w.taxTotal, m(inv.taxMinor)],
    [{ text: w.total, bold: true }, { text: m(inv.totalMinor), bold: true }],
    ...(inv.kind === 'invoice' && inv.paidMinor ? [[w.paid, m(inv.paidMinor)], [w.due, m(Math.max(0, inv.totalMinor - inv.paidMinor))]] : []),
  ]
  const doc = {
    info: { title: `${title} ${inv.number ?? ''}`, author: brand },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: { brand: { fontSize: 16, bold: true }, h1: { fontSize: 20, bold: true }, label: { fontSize: 8, color: '#5f5f66', margin: [0, 0, 0, 2] }, th: { bold: true, fillColor: '#eeeeee' } },
    content: [
      { columns: [{ text: brand, style: 'brand' }, { text: `${title}\n${inv.number ?? w.draft}`, style: 'h1', alignment: 'right' }] },
      { text: `${w.status}: ${(w.statuses as Record<string, string>)[inv.status] ?? inv.status}`, alignment: 'right', margin: [0, 4, 0, 12] },
      {
        columns: [party(w.seller, s), party(w.billTo, c), {
          stack: [
            { text: w.issued, style: 'label' }, day(inv.issuedAt),
            ...(inv.kind === 'invoice' ? [{ text: w.dueDate, style: 'label', margin: [0, 6, 0, 2] }, day(inv.dueAt)] : []),
          ],
        }],
        columnGap: 16,
        margin: [0, 0, 0, 16],
      },
      { table: { headerRows: 1, widths: ['*', 'auto', 'auto', 'auto', 'auto'], body }, layout: 'lightHorizontalLines' },
      { columns: [{ text: '' }, { width: 'auto', table: { body: totals }, layout: 'noBorders' }], margin: [0, 12, 0, 0] },
      ...(inv.reverseCharge ? [{ text: w.reverseCharge, italics: true, margin: [0, 16, 0, 0] }] : []),
      ...(inv.kind === 'credit_note' && inv.creditOf ? [{ text: fillPlaceholders(w.creditNoteFor, { id: inv.creditOf }), margin: [0, 8, 0, 0], fontSize: 8 }] : []),
    ],
  }
  return pdfmake.createPdf(doc).getBuffer()
}
