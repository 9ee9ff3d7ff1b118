import { invoiceListQuery, listInvoices } from '#server/services/invoicing/invoices'

/** Customers: their issued invoices. Admins: all, filtered by status, customer or overdue, with revenue per month. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const q = validQuery(event, invoiceListQuery)
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return listInvoices(user, q)
})
