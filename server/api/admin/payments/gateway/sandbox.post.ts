import { connectSandboxStripe } from '#server/services/payments/gateway'
import { webhookUrlFor } from '#server/services/payments/webhook-url'
import { audit } from '#server/services/audit'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  if (!sandboxEnabled()) throw httpError(404, 'The sandbox is not enabled on this server (NUXT_SANDBOX=1 enables it)', 'sandbox_disabled')
  const { gateway } = await connectSandboxStripe(await sandboxOrigin(), webhookUrlFor(event))
  await audit({ userId: admin.id, action: 'payments.gateway_sandbox_connected', target: 'stripe' })
  return gateway
})
