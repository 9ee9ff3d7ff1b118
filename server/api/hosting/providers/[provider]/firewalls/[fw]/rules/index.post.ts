import { addRule } from '#server/services/firewalls/account'
import { firewallParams as Params, firewallRuleBody as Body } from '#server/schemas/console-firewall'

export default defineEventHandler(async (event) => {
  const user = await requireAdmin(event)
  const { provider, fw } = validParams(event, Params)
  const body = await validBody(event, Body)
  return addRule(provider, fw, body, user)
})
