import { deleteQuery } from '#server/services/servers/schemas'
import { deleteVm } from '#server/services/servers/seed-vms'
import { vmParams as Params } from '#server/schemas/hosting'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider, id } = validParams(event, Params)
  const { delay } = validQuery(event, deleteQuery)
  return deleteVm(provider, id, delay, admin)
})
