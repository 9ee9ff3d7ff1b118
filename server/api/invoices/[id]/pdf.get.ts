import { invoiceDetail, loadInvoice, pdfQuery } from '#server/services/invoicing/invoices'
import { invoicePdf } from '#server/services/invoicing/pdf'
import { idParams } from '#server/schemas/common'
import { requestLocale } from '#server/lib/request-locale'

/** The invoice as a PDF in the reader's language (`?lang=en|ru`, else the panel's language). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, idParams)
  const q = validQuery(event, pdfQuery)
  const inv = await loadInvoice(id, user)
  const lang = q.lang ?? (requestLocale(event) === 'ru' ? 'ru' : 'en')
  const pdf = await invoicePdf(inv, await invoiceDetail(inv), lang)
  setResponseHeader(event, 'Content-Type', 'application/pdf')
  setResponseHeader(event, 'Content-Disposition', `inline; filename="invoice-${inv.number ?? inv.id}.pdf"`)
  setResponseHeader(event, 'Cache-Control', 'private, no-store')
  return pdf
})
