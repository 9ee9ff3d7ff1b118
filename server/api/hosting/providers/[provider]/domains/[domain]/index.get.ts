import { accountForUser } from '#server/services/domains/access'
import { getAccountDomain } from '#server/services/domains/portfolio'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, domain } = validParams(event, domainParams)
  return getAccountDomain(user, await accountForUser(user, provider), domain)
})
