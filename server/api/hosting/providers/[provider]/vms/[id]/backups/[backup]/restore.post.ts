import { restoreBackup } from '#server/services/servers/operations'
import { targetByUpstream } from '#server/services/servers/target'
import { vmBackupParams as Params } from '#server/schemas/server-ops'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, id, backup } = validParams(event, Params)
  return restoreBackup(await targetByUpstream(provider, id, user), user, backup)
})
