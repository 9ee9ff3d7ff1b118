import { purchaseBodySchema } from '../../../../../../shared/domains/schema'
import { requireAccount } from '../../../../../services/provider-accounts'
import { checkIdempotencyKey, purchaseDomain } from '../../../../../services/domains/purchase'
import { audit } from '../../../../../services/audit'

/**
 * Seed: buys a domain. Costs money, so exactly once per `Idempotency-Key` header: the same key
 * answers the same result; with another body, 422.
 */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  const key = checkIdempotencyKey(getHeader(event, 'idempotency-key')?.trim())
  const body = await validBody(event, purchaseBodySchema)
  const account = await requireAccount(provider)
  const { domain, replayed } = await purchaseDomain({ user: admin, account, key, body })
  if (replayed) setResponseHeader(event, 'Idempotent-Replayed', 'true')
  else await audit({ userId: admin.id, action: 'domain.purchased', target: `${provider}/${domain.name}`, details: { period: body.period ?? 1, privacy_protection: body.privacy_protection ?? null } })
  setResponseStatus(event, 201)
  return domain
})
