import { getInvoiceView } from '#server/services/invoicing/invoices'
import { idParams } from '#server/schemas/common'

/** One invoice with its lines and payments (someone else's: 404). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, idParams)
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return getInvoiceView(id, user)
})
