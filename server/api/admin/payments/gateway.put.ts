import { configureGateway, gatewayBodySchema } from '#server/services/payments/gateway'
import { webhookUrlFor } from '#server/services/payments/webhook-url'
import { audit } from '#server/services/audit'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const body = await validBody(event, gatewayBodySchema)
  const { gateway, changed } = await configureGateway(body, webhookUrlFor(event))
  // Which settings changed, never their values.
  if (changed.length) await audit({ userId: admin.id, action: 'payments.gateway_configured', target: 'stripe', details: { changed } })
  return gateway
})
