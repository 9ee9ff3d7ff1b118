import { domainAccountAt } from '#server/services/domains/access'
import { getAccountDomain } from '#server/services/domains/portfolio'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const at = validParams(event, domainAddress)
  const account = await domainAccountAt(user, at)
  return getAccountDomain(user, account, at.domain)
})
