import { listTemplates } from '#server/services/servers/catalog'
import { providerTemplatesQuery as Query } from '#server/schemas/hosting'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  const { plan } = validQuery(event, Query)
  return listTemplates(provider, plan)
})
