import { listDatacenters } from '#server/services/servers/catalog'
import type { DatacenterView } from '#shared/schemas/servers'

export default defineEventHandler(async (event): Promise<DatacenterView[]> => {
  await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  return listDatacenters(provider)
})
