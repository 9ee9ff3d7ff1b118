import { renameKey, toPublicKey } from '#server/services/ssh-keys/keychain'
import { sshKeyParams as Params, sshKeyRenameBody as Body } from '#server/schemas/ssh-keys'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const { name } = await validBody(event, Body)
  return toPublicKey(await renameKey(user, id, name))
})
