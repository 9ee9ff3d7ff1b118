import { parseIdempotencyKey } from '#server/services/exactly-once/keys'
import { topUpBodySchema, topUpCredit } from '#server/services/invoicing/payments'
import { idParams } from '#server/schemas/common'
import { audit } from '#server/services/audit'

/** Admins: adds credit to a customer (or takes some back as an adjustment); open invoices it covers are paid. */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const key = parseIdempotencyKey(getHeader(event, 'idempotency-key'))
  const body = await validBody(event, topUpBodySchema)
  const { created, credit } = await topUpCredit(id, body, admin, key)
  // A repeat of the same key changed nothing: nothing to audit.
  if (created) await audit({ userId: admin.id, action: 'credit.changed', target: id, details: { amount_minor: body.amount_minor, currency: body.currency, reason: body.reason } })
  return credit
})
