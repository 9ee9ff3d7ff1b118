import { z } from 'zod'
import { listTemplates } from '../../../../services/servers/catalog'

const Query = z.object({ plan: z.string().trim().min(1).max(200).optional() })

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  const { plan } = validQuery(event, Query)
  return listTemplates(provider, plan)
})
