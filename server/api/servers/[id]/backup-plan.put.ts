import { changeBackupPlan } from '#server/services/servers/network'
import { targetById } from '#server/services/servers/target'
import { serverParams as Params } from '#server/schemas/servers'
import { backupPlanBody } from '#server/schemas/server-ops'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  // Whose server first: someone else's is a 404 whatever the body says.
  const target = await targetById(id, user)
  const body = await validBody(event, backupPlanBody)
  return changeBackupPlan(target, user, body)
})
