import { listOwnKeys } from '#server/services/ssh-keys/keychain'
import { keysWithPresence } from '#server/services/ssh-keys/presence'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return keysWithPresence(user, await listOwnKeys(user))
})
