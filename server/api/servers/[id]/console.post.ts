import { assertServerFeature } from '#server/services/servers/customer-features'
import { openConsole } from '#server/services/servers/console'
import { targetById } from '#server/services/servers/target'
import { consoleBody as Body } from '#server/schemas/console-firewall'
import { serverParams as Params } from '#server/schemas/servers'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const { type } = await validBody(event, Body)
  const target = await targetById(id, user)
  await assertServerFeature(user, target.row.server, 'console')
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return openConsole(target, type, user)
})
