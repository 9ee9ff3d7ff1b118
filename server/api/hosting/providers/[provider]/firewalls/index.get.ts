import { listFirewalls } from '#server/services/firewalls/account'
import { providerParam as Params } from '#server/utils/provider-param'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { provider } = validParams(event, Params)
  return listFirewalls(provider)
})
