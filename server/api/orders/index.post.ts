import { orderBodySchema, placeOrder } from '#server/services/portal/orders'
import { parseIdempotencyKey } from '#server/services/exactly-once/keys'
import { audit } from '#server/services/audit'

/**
 * Places an order (202: provisioning runs in the background), exactly once (README
 * "Exactly-once"): the same Idempotency-Key again answers with the same order (200), with
 * another body 422; without a key, an identical order within a minute is the same order.
 */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const key = parseIdempotencyKey(getHeader(event, 'idempotency-key'))
  const body = await validBody(event, orderBodySchema)
  const { created, order } = await placeOrder(user, body, key)
  if (created) await audit({ userId: user.id, action: 'order.placed', target: order.id, details: { plan: order.plan.name, hostname: order.hostname } })
  setResponseStatus(event, created ? 202 : 200)
  return order
})
