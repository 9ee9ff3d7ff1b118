import { requireOwnKey } from '#server/services/ssh-keys/keychain'
import { deleteKey } from '#server/services/ssh-keys/push'
import { audit } from '#server/services/audit'
import { sshKeyDeleteQuery as Query, sshKeyParams as Params } from '#server/schemas/ssh-keys'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const { everywhere } = validQuery(event, Query)
  const key = await requireOwnKey(user, id)
  const all = everywhere === '1' || everywhere === 'true'
  const result = await deleteKey(user, key, all)
  await audit({ userId: user.id, action: 'ssh_key.deleted', target: key.fingerprint, details: { name: key.name, everywhere: all, removed: result.providers.filter(p => p.status === 'removed').map(p => p.account) } })
  return result
})
