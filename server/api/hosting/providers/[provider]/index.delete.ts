import { removeAccount } from '#server/services/provider-accounts'
import { audit } from '#server/services/audit'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  const a = await removeAccount(provider)
  await audit({ userId: admin.id, action: 'provider.deleted', target: provider, details: { type: a.type } })
  return { status: 'deleted' }
})
