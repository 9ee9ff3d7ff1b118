import { removeGateway } from '#server/services/payments/gateway'
import { audit } from '#server/services/audit'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const removed = await removeGateway()
  if (!removed) throw httpError(404, 'No payment gateway is set up', 'gateway_not_configured')
  await audit({ userId: admin.id, action: 'payments.gateway_removed', target: 'stripe' })
  return { status: 'removed' }
})
