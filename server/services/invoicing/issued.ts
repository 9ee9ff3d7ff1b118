/** After an invoice is issued: paid from the customer's credit when it covers it, else the customer is told. */
import { formatMinor } from '#shared/billing/format'
import { notifyUser } from '../notifications'
import type { InvoiceRow } from './invoices'
import { autoPayFromCredit } from './payments'

export async function invoiceIssued(invoice: InvoiceRow) {
  const paid = await autoPayFromCredit(invoice).catch((e) => {
    console.error(`[invoices] ${invoice.id}: paying from credit failed:`, (e as Error).message)
    return false
  })
  if (paid) return
  await notifyUser(invoice.customerId, { kind: 'invoice_issued', params: { number: invoice.number ?? '', total: formatMinor(invoice.totalMinor, invoice.currency, 'en') }, link: `/invoices/${invoice.id}`, invoiceId: invoice.id, dedupeKey: `invoice-issued:${invoice.id}`, repeat: 'once' })
    .catch(e => console.error(`[invoices] ${invoice.id}: the invoice_issued alert failed:`, (e as Error).message))
}
