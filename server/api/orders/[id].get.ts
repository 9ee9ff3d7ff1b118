import { getOrderView } from '#server/services/portal/orders'
import { idParams } from '#server/schemas/common'

/** One order with its steps (polled by the order page while it runs). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, idParams)
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return getOrderView(id, user)
})
