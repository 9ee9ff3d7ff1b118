import { checkPtr } from '#server/services/servers/network'
import { targetById } from '#server/services/servers/target'
import { serverParams as Params } from '#server/schemas/servers'
import { ptrCheckQuery } from '#server/schemas/server-ops'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const target = await targetById(id, user)
  return checkPtr(target, user, validQuery(event, ptrCheckQuery))
})
