import { getVm } from '#server/services/servers/seed-vms'
import { vmParams as Params } from '#server/schemas/hosting'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, id } = validParams(event, Params)
  return getVm(provider, id, user)
})
