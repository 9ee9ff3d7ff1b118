import { restoreBackup } from '#server/services/servers/operations'
import { targetById } from '#server/services/servers/target'
import { backupParams as Params } from '#server/schemas/server-ops'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id, backup } = validParams(event, Params)
  return restoreBackup(await targetById(id, user), user, backup)
})
