import { revokeApiToken } from '#server/services/api-tokens'
import { audit } from '#server/services/audit'
import { idParams } from '#server/schemas/common'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, idParams)
  const t = await revokeApiToken(user.id, id)
  await audit({ userId: user.id, action: 'token.revoked', target: t.prefix })
  return { status: 'revoked' }
})
