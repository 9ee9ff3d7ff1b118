import { parseIdempotencyKey } from '#server/services/exactly-once/keys'
import { refundBodySchema, refundPayment } from '#server/services/invoicing/payments'
import { idParams } from '#server/schemas/common'
import { audit } from '#server/services/audit'

/** Admins: refunds a payment (all or part), to the customer's credit or paid back outside and recorded. */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const key = parseIdempotencyKey(getHeader(event, 'idempotency-key'))
  const body = await validBody(event, refundBodySchema)
  const r = await refundPayment(id, body, admin, key)
  if (r.created) await audit({ userId: admin.id, action: 'payment.refunded', target: id, details: { amount_minor: -r.payment.amount_minor, to: body.to } })
  setResponseStatus(event, r.created ? 201 : 200)
  return r.payment
})
