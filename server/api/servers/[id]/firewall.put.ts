import { changeServerFirewall } from '#server/services/servers/firewall'
import { targetById } from '#server/services/servers/target'
import { vmFirewallBody as Body } from '#server/schemas/console-firewall'
import { serverParams as Params } from '#server/schemas/servers'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const body = await validBody(event, Body)
  const target = await targetById(id, user)
  // plan feature gate: firewall
  return changeServerFirewall(target, body, user)
})
