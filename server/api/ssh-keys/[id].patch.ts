import { z } from 'zod'
import { SSH_KEY_NAME_MAX_LENGTH } from '../../../shared/ssh'
import { renameKey, toPublicKey } from '../../services/ssh-keys/keychain'

const Params = z.object({ id: uuidParam })
const Body = z.object({ name: z.string().trim().min(1, 'Name is required').max(SSH_KEY_NAME_MAX_LENGTH) }).strict()

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const { name } = await validBody(event, Body)
  return toPublicKey(await renameKey(user, id, name))
})
