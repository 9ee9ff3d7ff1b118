import { z } from 'zod'
import { getOrderView } from '../../services/portal/orders'

/** One order with its steps (polled by the order page while it runs). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, z.object({ id: uuidParam }))
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return getOrderView(id, user)
})
