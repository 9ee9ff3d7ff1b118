import { changeOwnPassword } from '#server/services/users'
import { audit } from '#server/services/audit'
import { passwordChangeBody as Body } from '#server/schemas/auth'

/** The signed-in user changes their password; their other sessions and all their API tokens end. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  if (event.context.authVia !== 'session') throw httpError(403, 'Change your password in the browser, not with an API token', 'session_required')
  const body = await validBody(event, Body)
  await changeOwnPassword(user, body.current_password, body.new_password, event.context.browserSession?.id)
  await audit({ userId: user.id, action: 'auth.password_changed', target: user.email })
  return { status: 'changed' }
})
