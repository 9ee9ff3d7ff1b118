import { listPlans } from '#server/services/servers/catalog'
import { presentPlan } from '#server/services/catalog/present'
import type { PlanOffer } from '#shared/schemas/servers'

export default defineEventHandler(async (event): Promise<PlanOffer[]> => {
  await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  return (await listPlans(provider)).map(presentPlan)
})
