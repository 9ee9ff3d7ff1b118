import { startRecovery } from '#server/services/servers/operations'
import { targetById } from '#server/services/servers/target'
import { serverParams as Params } from '#server/schemas/servers'
import { recoveryBody } from '#server/schemas/server-ops'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const body = await validBody(event, recoveryBody)
  return startRecovery(await targetById(id, user), user, body)
})
