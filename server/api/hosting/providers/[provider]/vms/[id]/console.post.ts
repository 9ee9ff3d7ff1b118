import { assertServerFeature } from '#server/services/servers/customer-features'
import { openConsole } from '#server/services/servers/console'
import { targetByUpstream } from '#server/services/servers/target'
import { consoleBody as Body } from '#server/schemas/console-firewall'
import { vmParams as Params } from '#server/schemas/hosting'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, id } = validParams(event, Params)
  const { type } = await validBody(event, Body)
  const target = await targetByUpstream(provider, id, user)
  await assertServerFeature(user, target.row.server, 'console')
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return openConsole(target, type, user)
})
