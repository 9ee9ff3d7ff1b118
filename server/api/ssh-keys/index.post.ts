import { addKey } from '#server/services/ssh-keys/keychain'
import { keysWithPresence } from '#server/services/ssh-keys/presence'
import { audit } from '#server/services/audit'
import { anyObjectBody } from '#server/schemas/ssh-keys'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  // The body is checked by shared/ssh inside addKey, so its reasons (private key, weak key…) reach the client as they are.
  const body = await validBody(event, anyObjectBody)
  const key = await addKey(user, body)
  await audit({ userId: user.id, action: 'ssh_key.added', target: key.fingerprint, details: { name: key.name, type: key.type } })
  setResponseStatus(event, 201)
  const [out] = await keysWithPresence(user, [key])
  return out
})
