import { listOrders, listQuerySchema } from '#server/services/portal/orders'

/** Customers: their orders. Admins: everyone's (`?status=failed` for the ones needing a hand). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return listOrders(user, validQuery(event, listQuerySchema))
})
