import { assertServerFeature } from '#server/services/servers/customer-features'
import { changeServerFirewall } from '#server/services/servers/firewall'
import { targetByUpstream } from '#server/services/servers/target'
import { vmFirewallBody as Body } from '#server/schemas/console-firewall'
import { vmParams as Params } from '#server/schemas/hosting'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, id } = validParams(event, Params)
  const body = await validBody(event, Body)
  const target = await targetByUpstream(provider, id, user)
  await assertServerFeature(user, target.row.server, 'firewall')
  return changeServerFirewall(target, body, user)
})
