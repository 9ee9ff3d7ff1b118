import { restoreSnapshot } from '#server/services/servers/operations'
import { targetById } from '#server/services/servers/target'
import { serverParams as Params } from '#server/schemas/servers'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  return restoreSnapshot(await targetById(id, user), user)
})
