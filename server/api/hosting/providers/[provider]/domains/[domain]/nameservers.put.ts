import { nameserversBodySchema } from '#shared/domains/schema'
import { domainAccountAt } from '#server/services/domains/access'
import { setNameservers } from '#server/services/domains/portfolio'
import { audit } from '#server/services/audit'

/** Seed: replaces the nameservers (2–4 distinct host names). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const at = validParams(event, domainAddress)
  const { nameservers } = await validBody(event, nameserversBodySchema)
  const account = await domainAccountAt(user, at)
  const result = await setNameservers(user, account, at.domain, nameservers)
  await audit({ userId: user.id, action: 'domain.nameservers', target: `${account.slug}/${at.domain}`, details: { nameservers } })
  return result
})
