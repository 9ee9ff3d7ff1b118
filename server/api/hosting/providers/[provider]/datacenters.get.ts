import { listDatacenters } from '#server/services/servers/catalog'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  return listDatacenters(provider)
})
