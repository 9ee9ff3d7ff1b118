import { z } from 'zod'
import { retryOrder } from '../../../services/portal/orders'
import { audit } from '../../../services/audit'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, z.object({ id: uuidParam }))
  const order = await retryOrder(id, admin)
  await audit({ userId: admin.id, action: 'order.retried', target: id })
  setResponseStatus(event, 202)
  return order
})
