import { reinstallServer } from '#server/services/servers/actions'
import { reinstallBody } from '#server/services/servers/schemas'
import { targetById } from '#server/services/servers/target'
import { serverParams as Params } from '#server/schemas/servers'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const body = await validBody(event, reinstallBody)
  return reinstallServer(await targetById(id, user), body, user)
})
