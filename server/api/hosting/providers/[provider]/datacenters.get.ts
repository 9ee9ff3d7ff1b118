import { listDatacenters } from '../../../../services/servers/catalog'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  return listDatacenters(provider)
})
