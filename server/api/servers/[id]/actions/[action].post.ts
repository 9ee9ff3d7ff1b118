import { runAction } from '#server/services/servers/actions'
import { targetById } from '#server/services/servers/target'
import { serverActionParams as Params } from '#server/schemas/servers'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id, action } = validParams(event, Params)
  return runAction(await targetById(id, user), action, user)
})
