import { changeBackupPlan } from '#server/services/servers/network'
import { targetByUpstream } from '#server/services/servers/target'
import { vmParams as Params } from '#server/schemas/hosting'
import { backupPlanBody } from '#server/schemas/server-ops'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, id } = validParams(event, Params)
  // Whose server first: someone else's is a 404 whatever the body says.
  const target = await targetByUpstream(provider, id, user)
  const body = await validBody(event, backupPlanBody)
  return changeBackupPlan(target, user, body)
})
