import { idempotencyKeySchema, orderBodySchema, placeOrder } from '../../services/portal/orders'
import { audit } from '../../services/audit'

/**
 * Places an order (202: provisioning runs in the background). `Idempotency-Key` is required:
 * the same key again answers with the same order (200); with another body, 422.
 */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await validBody(event, orderBodySchema)
  const key = idempotencyKeySchema.safeParse(getHeader(event, 'idempotency-key') ?? '')
  if (!key.success) throw httpError(400, `Send an Idempotency-Key header (a UUID): ${key.error.issues[0]!.message}`, 'idempotency_key_required')
  const { created, order } = await placeOrder(user, body, key.data)
  if (created) await audit({ userId: user.id, action: 'order.placed', target: order.id, details: { plan: order.plan.name, hostname: order.hostname } })
  setResponseStatus(event, created ? 202 : 200)
  return order
})
