import { cancelOrder } from '../../../services/portal/orders'
import { audit } from '../../../services/audit'
import { idParams } from '../../../schemas/common'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, idParams)
  const order = await cancelOrder(id, user)
  await audit({ userId: user.id, action: 'order.cancelled', target: id })
  return order
})
