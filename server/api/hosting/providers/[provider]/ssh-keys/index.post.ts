import { addProviderKey } from '#server/services/ssh-keys/provider-keys'
import { audit } from '#server/services/audit'
import { anyObjectBody } from '#server/schemas/ssh-keys'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  // shared/ssh checks the key inside addProviderKey, before any upstream call.
  const body = await validBody(event, anyObjectBody)
  const key = await addProviderKey(provider, body)
  await audit({ userId: admin.id, action: 'provider.ssh_key_added', target: provider, details: { id: key.id, fingerprint: key.fingerprint } })
  setResponseStatus(event, 201)
  return key
})
