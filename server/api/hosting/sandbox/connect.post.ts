import { connectSandboxAccounts } from '#server/services/sandbox-demo'
import { audit } from '#server/services/audit'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  if (!sandboxEnabled()) throw httpError(404, 'The sandbox is not enabled on this server (NUXT_SANDBOX=1 enables it)', 'sandbox_disabled')
  const results = await connectSandboxAccounts(await sandboxOrigin())
  await audit({ userId: admin.id, action: 'provider.sandbox_connected', details: { accounts: results.map(r => r.slug) } })
  return { status: 'connected', accounts: results }
})
