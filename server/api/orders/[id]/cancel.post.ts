import { cancelOrder } from '#server/services/portal/orders'
import { audit } from '#server/services/audit'
import { idParams } from '#server/schemas/common'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, idParams)
  const order = await cancelOrder(id, user)
  await audit({ userId: user.id, action: 'order.cancelled', target: id })
  return order
})
