import { listTemplates } from '#server/services/servers/catalog'
import { providerTemplatesQuery as Query } from '#server/schemas/hosting'
import { presentTemplate } from '#server/services/catalog/present'
import type { OsTemplate } from '#shared/schemas/servers'

export default defineEventHandler(async (event): Promise<OsTemplate[]> => {
  await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  const { plan } = validQuery(event, Query)
  return (await listTemplates(provider, plan)).map(presentTemplate)
})
