import { updateSettings } from '#server/services/servers/operations'
import { targetById } from '#server/services/servers/target'
import { serverParams as Params } from '#server/schemas/servers'
import { settingsBody } from '#server/schemas/server-ops'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const body = await validBody(event, settingsBody)
  return updateSettings(await targetById(id, user), user, body)
})
