import { z } from 'zod'
import { revokeApiToken } from '../../services/api-tokens'
import { audit } from '../../services/audit'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, z.object({ id: uuidParam }))
  const t = await revokeApiToken(user.id, id)
  await audit({ userId: user.id, action: 'token.revoked', target: t.prefix })
  return { status: 'revoked' }
})
