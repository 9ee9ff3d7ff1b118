import { revokeOwnSession } from '#server/services/sessions'
import { audit } from '#server/services/audit'
import { idParams } from '#server/schemas/common'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, idParams)
  await revokeOwnSession(user.id, id)
  if (id === event.context.browserSession?.id) await clearUserSession(event)
  await audit({ userId: user.id, action: 'session.revoked', target: id })
  return { status: 'revoked' }
})
