import { serverMetrics } from '#server/services/servers/operations'
import { targetByUpstream } from '#server/services/servers/target'
import { vmParams as Params } from '#server/schemas/hosting'
import { metricsQuery, metricsRange } from '#server/schemas/server-ops'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, id } = validParams(event, Params)
  const range = metricsRange(validQuery(event, metricsQuery))
  return serverMetrics(await targetByUpstream(provider, id, user), user, range)
})
