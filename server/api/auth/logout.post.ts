/** Ends this browser session: the row is revoked (session hook), so a kept copy of the cookie is dead too. */
import { audit } from '#server/services/audit'

export default defineEventHandler(async (event) => {
  const user = await currentUser(event)
  await clearUserSession(event)
  if (user) await audit({ userId: user.id, action: 'auth.logout', target: user.email })
  return { status: 'signed_out' }
})
