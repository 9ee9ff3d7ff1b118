import { nameserversBodySchema } from '#shared/domains/schema'
import { accountForUser } from '#server/services/domains/access'
import { setNameservers } from '#server/services/domains/portfolio'
import { audit } from '#server/services/audit'

/** Seed: replaces the nameservers (2–4 distinct host names). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, domain } = validParams(event, domainParams)
  const { nameservers } = await validBody(event, nameserversBodySchema)
  const result = await setNameservers(user, await accountForUser(user, provider), domain, nameservers)
  await audit({ userId: user.id, action: 'domain.nameservers', target: `${provider}/${domain}`, details: { nameservers } })
  return result
})
