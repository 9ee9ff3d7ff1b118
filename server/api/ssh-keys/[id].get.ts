import { requireOwnKey } from '#server/services/ssh-keys/keychain'
import { keysWithPresence } from '#server/services/ssh-keys/presence'
import { sshKeyParams as Params } from '#server/schemas/ssh-keys'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const [out] = await keysWithPresence(user, [await requireOwnKey(user, id)])
  return out
})
