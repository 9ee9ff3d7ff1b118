import { configureAccount, configureBodySchema } from '#server/services/provider-accounts'
import { audit } from '#server/services/audit'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  const body = await validBody(event, configureBodySchema)
  // New or changed credentials are a secret edit: recent password confirmation (or a write token).
  if (body.api_key !== undefined || body.api_secret !== undefined) await requireRecentAuth(event)
  const { created, changed, account } = await configureAccount(provider, body)
  // The audit entry names what changed, never the values of secrets; a no-op is not a change.
  if (changed) await audit({ userId: admin.id, action: created ? 'provider.created' : 'provider.updated', target: provider, details: { type: account.type, settings: Object.keys(account.settings), credentialsChanged: body.api_key !== undefined } })
  if (created) setResponseStatus(event, 201)
  return { status: 'configured', provider: account }
})
