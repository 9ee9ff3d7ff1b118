import { verifyPassword } from '#server/lib/passwords'
import { audit, requestOrigin } from '#server/services/audit'
import { loginRetryAfter, recordLoginFailure } from '#server/services/login-throttle'
import { markReauthenticated } from '#server/services/sessions'
import { totpCodeIsValid } from '#server/services/totp'
import { reauthBody as Body } from '#server/schemas/auth'

/**
 * Confirms the password (or a TOTP code) in this browser session, which then may see or change
 * secrets for the next 5 minutes (requireRecentAuth). Wrong answers count as failed sign-ins.
 */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const sid = event.context.browserSession?.id
  if (!sid) throw httpError(400, 'Only a browser session re-authenticates; API tokens use the write scope', 'session_required')
  const body = await validBody(event, Body)
  const ip = requestOrigin(event).ip
  const wait = await loginRetryAfter(user.email, ip)
  if (wait > 0) {
    setResponseHeader(event, 'Retry-After', wait)
    throw httpError(429, 'Too many failed sign-in attempts. Wait a few minutes, then try again.', 'too_many_attempts')
  }
  const ok = body.password
    ? await verifyPassword(user.passwordHash, body.password)
    : await totpCodeIsValid(user, body.code!)
  if (!ok) {
    await recordLoginFailure(user.email, ip)
    await audit({ userId: user.id, action: 'auth.reauth', target: user.email, result: 'failure' })
    throw httpError(400, body.password ? 'The password is wrong' : 'That code is not right', 'invalid_reauth')
  }
  await markReauthenticated(sid)
  return { status: 'confirmed' }
})
