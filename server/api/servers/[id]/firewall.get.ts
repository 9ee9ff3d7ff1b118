import { assertServerFeature } from '#server/services/servers/customer-features'
import { readServerFirewall } from '#server/services/servers/firewall'
import { targetById } from '#server/services/servers/target'
import { vmFirewallQuery as Query } from '#server/schemas/console-firewall'
import { serverParams as Params } from '#server/schemas/servers'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const query = validQuery(event, Query)
  const target = await targetById(id, user)
  await assertServerFeature(user, target.row.server, 'firewall')
  return readServerFirewall(target, query.interface ?? 'primary')
})
