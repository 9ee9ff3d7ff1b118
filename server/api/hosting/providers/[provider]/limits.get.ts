import { providerLimits } from '#server/services/billing/provider-billing'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  return providerLimits(provider)
})
