import { serverMetrics } from '#server/services/servers/operations'
import { targetById } from '#server/services/servers/target'
import { serverParams as Params } from '#server/schemas/servers'
import { metricsQuery, metricsRange } from '#server/schemas/server-ops'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const range = metricsRange(validQuery(event, metricsQuery))
  return serverMetrics(await targetById(id, user), user, range)
})
