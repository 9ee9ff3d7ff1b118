import { listVms } from '#server/services/servers/seed-vms'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider } = validParams(event, providerParam)
  return listVms(provider, user)
})
