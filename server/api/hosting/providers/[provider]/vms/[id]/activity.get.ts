import { serverActivity } from '#server/services/servers/activity'
import { targetByUpstream } from '#server/services/servers/target'
import { vmParams as Params } from '#server/schemas/hosting'
import { activityQuery } from '#server/schemas/server-ops'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, id } = validParams(event, Params)
  const target = await targetByUpstream(provider, id, user)
  return serverActivity(target, user, validQuery(event, activityQuery))
})
