import { createFirewall } from '#server/services/firewalls/account'
import { firewallBody as Body } from '#server/schemas/console-firewall'
import { providerParam as Params } from '#server/utils/provider-param'

export default defineEventHandler(async (event) => {
  const user = await requireAdmin(event)
  const { provider } = validParams(event, Params)
  const { name } = await validBody(event, Body)
  return createFirewall(provider, name, user)
})
