import { deleteProviderKey } from '#server/services/ssh-keys/provider-keys'
import { audit } from '#server/services/audit'
import { providerSshKeyParams as Params } from '#server/schemas/hosting'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider, id } = validParams(event, Params)
  const result = await deleteProviderKey(provider, id)
  await audit({ userId: admin.id, action: 'provider.ssh_key_deleted', target: provider, details: { id } })
  return result
})
