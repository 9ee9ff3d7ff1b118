import { readBackupPlan } from '#server/services/servers/network'
import { targetByUpstream } from '#server/services/servers/target'
import { vmParams as Params } from '#server/schemas/hosting'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, id } = validParams(event, Params)
  return readBackupPlan(await targetByUpstream(provider, id, user), user)
})
