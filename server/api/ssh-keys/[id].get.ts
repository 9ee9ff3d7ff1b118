import { z } from 'zod'
import { requireOwnKey } from '../../services/ssh-keys/keychain'
import { keysWithPresence } from '../../services/ssh-keys/presence'

const Params = z.object({ id: uuidParam })

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const [out] = await keysWithPresence(user, [await requireOwnKey(user, id)])
  return out
})
