import { listBackups } from '#server/services/servers/operations'
import { targetByUpstream } from '#server/services/servers/target'
import { vmParams as Params } from '#server/schemas/hosting'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, id } = validParams(event, Params)
  return listBackups(await targetByUpstream(provider, id, user), user)
})
