import { deleteRule } from '#server/services/firewalls/account'
import { firewallRuleParams as Params } from '#server/schemas/console-firewall'

export default defineEventHandler(async (event) => {
  const user = await requireAdmin(event)
  const { provider, fw, rule } = validParams(event, Params)
  return deleteRule(provider, fw, rule, user)
})
