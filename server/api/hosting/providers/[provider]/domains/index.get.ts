import { accountForUser } from '#server/services/domains/access'
import { listAccountDomains } from '#server/services/domains/portfolio'

/** Seed: the account's domains. Customers get only the ones assigned to them. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider } = validParams(event, providerParam)
  const account = await accountForUser(user, provider)
  return listAccountDomains(user, account)
})
