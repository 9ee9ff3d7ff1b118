import { z } from 'zod'
import { cancelOrder } from '../../../services/portal/orders'
import { audit } from '../../../services/audit'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, z.object({ id: uuidParam }))
  const order = await cancelOrder(id, user)
  await audit({ userId: user.id, action: 'order.cancelled', target: id })
  return order
})
