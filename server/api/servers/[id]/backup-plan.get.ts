import { readBackupPlan } from '#server/services/servers/network'
import { targetById } from '#server/services/servers/target'
import { serverParams as Params } from '#server/schemas/servers'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  return readBackupPlan(await targetById(id, user), user)
})
