import { requireAccount } from '#server/services/provider-accounts'
import { assignDomain } from '#server/services/domains/access'
import { audit } from '#server/services/audit'
import { domainOwnerBody as Body } from '#server/schemas/hosting'

/** Hands a domain and its DNS zone to a customer (`owner_id: null` takes it back). */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider, domain } = validParams(event, domainParams)
  const { owner_id } = await validBody(event, Body)
  const owner = await assignDomain(await requireAccount(provider), domain, owner_id)
  await audit({ userId: admin.id, action: 'domain.assigned', target: `${provider}/${domain}`, details: { owner_id } })
  return { owner }
})
