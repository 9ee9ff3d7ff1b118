import { requireOwnKey } from '#server/services/ssh-keys/keychain'
import { pushKey } from '#server/services/ssh-keys/push'
import { audit } from '#server/services/audit'
import { sshKeyParams as Params, sshKeyPushBody as Body } from '#server/schemas/ssh-keys'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, Params)
  const { accounts } = await validBody(event, Body)
  const key = await requireOwnKey(admin, id)
  const results = await pushKey(key, accounts)
  await audit({ userId: admin.id, action: 'ssh_key.pushed', target: key.fingerprint, details: { results: results.map(r => ({ account: r.account, status: r.status })) } })
  return results
})
