import { retryOrder } from '#server/services/portal/orders'
import { audit } from '#server/services/audit'
import { idParams } from '#server/schemas/common'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const order = await retryOrder(id, admin)
  await audit({ userId: admin.id, action: 'order.retried', target: id })
  setResponseStatus(event, 202)
  return order
})
