import { assertServerFeature } from '#server/services/servers/customer-features'
import { changeServerFirewall } from '#server/services/servers/firewall'
import { targetById } from '#server/services/servers/target'
import { vmFirewallBody as Body } from '#server/schemas/console-firewall'
import { serverParams as Params } from '#server/schemas/servers'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const body = await validBody(event, Body)
  const target = await targetById(id, user)
  await assertServerFeature(user, target.row.server, 'firewall')
  return changeServerFirewall(target, body, user)
})
