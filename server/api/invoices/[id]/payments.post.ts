import { parseIdempotencyKey } from '#server/services/exactly-once/keys'
import { paymentBodySchema, recordManualPayment } from '#server/services/invoicing/payments'
import { idParams } from '#server/schemas/common'
import { audit } from '#server/services/audit'

/**
 * Admins: records a payment (bank transfer, or from the customer's credit). Exactly once per
 * Idempotency-Key: the same key again answers the same payment (200), with another body 422.
 */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const key = parseIdempotencyKey(getHeader(event, 'idempotency-key'))
  const body = await validBody(event, paymentBodySchema)
  const r = await recordManualPayment(id, body, admin, key)
  if (r.created) await audit({ userId: admin.id, action: 'invoice.payment_recorded', target: r.invoice.number ?? id, details: { amount_minor: body.amount_minor, currency: r.invoice.currency, method: body.method, reference: body.reference ?? null } })
  setResponseStatus(event, r.created ? 201 : 200)
  return { payment: r.payment, invoice: r.invoice }
})
