import { z } from 'zod'
import { revokeOwnSession } from '../../services/sessions'
import { audit } from '../../services/audit'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, z.object({ id: uuidParam }))
  await revokeOwnSession(user.id, id)
  if (id === event.context.browserSession?.id) await clearUserSession(event)
  await audit({ userId: user.id, action: 'session.revoked', target: id })
  return { status: 'revoked' }
})
