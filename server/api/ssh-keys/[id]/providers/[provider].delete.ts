import { requireOwnKey } from '#server/services/ssh-keys/keychain'
import { removeFromAccount } from '#server/services/ssh-keys/push'
import { audit } from '#server/services/audit'
import { sshKeyAccountParams as Params } from '#server/schemas/ssh-keys'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id, provider } = validParams(event, Params)
  const key = await requireOwnKey(admin, id)
  const result = await removeFromAccount(key, provider)
  await audit({ userId: admin.id, action: 'ssh_key.removed_upstream', target: key.fingerprint, details: { account: provider, status: result.status } })
  return result
})
