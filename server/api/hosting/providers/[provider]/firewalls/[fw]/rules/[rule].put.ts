import { updateRule } from '#server/services/firewalls/account'
import { firewallRuleParams as Params, firewallRuleBody as Body } from '#server/schemas/console-firewall'

export default defineEventHandler(async (event) => {
  const user = await requireAdmin(event)
  const { provider, fw, rule } = validParams(event, Params)
  const body = await validBody(event, Body)
  return updateRule(provider, fw, rule, body, user)
})
