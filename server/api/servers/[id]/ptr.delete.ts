import { deletePtr } from '#server/services/servers/operations'
import { targetById } from '#server/services/servers/target'
import { serverParams as Params } from '#server/schemas/servers'
import { ptrDeleteBody } from '#server/schemas/server-ops'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const body = await validBody(event, ptrDeleteBody)
  return deletePtr(await targetById(id, user), user, body)
})
