import { z } from 'zod'
import { cancelProviderOrder } from '../../../../../services/billing/provider-billing'
import { audit } from '../../../../../services/audit'

const Params = providerParam.extend({ id: z.string().trim().min(1).max(100).regex(/^[\w.-]+$/, 'Not a valid order id') })

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider, id } = validParams(event, Params)
  const result = await cancelProviderOrder(provider, id)
  await audit({ userId: admin.id, action: 'billing.order_cancelled', target: `${provider}/${id}` })
  return result
})
