import { revokeUserSessions } from '#server/services/sessions'
import { audit } from '#server/services/audit'

/** "Sign out everywhere": every browser session of the caller ends, this one included. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const count = await revokeUserSessions(user.id)
  if (event.context.authVia === 'session') await clearUserSession(event)
  await audit({ userId: user.id, action: 'session.revoked_all', target: user.email, details: { count } })
  return { status: 'revoked', count }
})
