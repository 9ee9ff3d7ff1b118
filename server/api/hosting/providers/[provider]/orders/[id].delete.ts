import { cancelProviderOrder } from '#server/services/billing/provider-billing'
import { audit } from '#server/services/audit'
import { providerOrderParams as Params } from '#server/schemas/hosting'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider, id } = validParams(event, Params)
  const result = await cancelProviderOrder(provider, id)
  await audit({ userId: admin.id, action: 'billing.order_cancelled', target: `${provider}/${id}` })
  return result
})
