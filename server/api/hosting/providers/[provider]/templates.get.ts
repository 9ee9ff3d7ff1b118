import { listTemplates } from '../../../../services/servers/catalog'
import { presentTemplate } from '../../../../services/catalog/present'
import type { OsTemplate } from '../../../../../shared/schemas/servers'
import { providerTemplatesQuery as Query } from '../../../../schemas/hosting'

export default defineEventHandler(async (event): Promise<OsTemplate[]> => {
  await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  const { plan } = validQuery(event, Query)
  return (await listTemplates(provider, plan)).map(presentTemplate)
})
