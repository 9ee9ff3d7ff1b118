import { purchaseBodySchema } from '#shared/domains/schema'
import { requireAccount } from '#server/services/provider-accounts'
import { purchaseDomain } from '#server/services/domains/purchase'
import { parseIdempotencyKey } from '#server/services/exactly-once/keys'
import { audit } from '#server/services/audit'

/**
 * Seed: buys a domain, exactly once (README "Exactly-once"). `Idempotency-Key` is optional: the
 * same key answers the same result (another body: 422); without one, an identical request within
 * a minute does. 201 with the domain; 202 `{ status, intent }` while the outcome is not known.
 * The intent id comes back in `Intent-Id`.
 */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  const key = parseIdempotencyKey(getHeader(event, 'idempotency-key'))
  const body = await validBody(event, purchaseBodySchema)
  const account = await requireAccount(provider)
  const { intent, domain, replayed } = await purchaseDomain({ user: admin, account, key, body })
  setResponseHeader(event, 'Intent-Id', intent.id)
  if (replayed) setResponseHeader(event, 'Idempotent-Replayed', 'true')
  if (!domain) {
    setResponseStatus(event, 202)
    return { status: intent.state, intent: { id: intent.id, state: intent.state }, message: `Whether ${body.domain} was bought is not known yet: it is being checked (ask again with the same key; it is never bought twice).` }
  }
  if (!replayed) await audit({ userId: admin.id, action: 'domain.purchased', target: `${provider}/${domain.name}`, details: { period: body.period ?? 1, privacy_protection: body.privacy_protection ?? null } })
  setResponseStatus(event, 201)
  return domain
})
