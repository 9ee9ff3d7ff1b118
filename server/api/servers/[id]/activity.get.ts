import { serverActivity } from '#server/services/servers/activity'
import { targetById } from '#server/services/servers/target'
import { serverParams as Params } from '#server/schemas/servers'
import { activityQuery } from '#server/schemas/server-ops'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const target = await targetById(id, user)
  return serverActivity(target, user, validQuery(event, activityQuery))
})
