import { authenticate, normalizeEmail, recordLogin, toPublicUser } from '#server/services/users'
import { audit, requestOrigin } from '#server/services/audit'
import { loginRetryAfter, recordLoginFailure, recordLoginSuccess } from '#server/services/login-throttle'
import { checkSecondFactor } from '#server/services/totp'
import { alertIfNewAddress } from '#server/services/alerts/login'
import { loginBody as Body } from '#server/schemas/auth'

/**
 * Failures count against the typed email and the IP (services/login-throttle.ts); over the limit
 * the answer is 429 with Retry-After, the same whether the account exists or not.
 */
export default defineEventHandler(async (event) => {
  const { email, password, code } = await validBody(event, Body)
  const ip = requestOrigin(event).ip
  const target = normalizeEmail(email)
  const fail = async (reason: string, userId?: string) => {
    await recordLoginFailure(email, ip)
    await audit({ userId, action: 'auth.login', target, result: 'failure', details: { reason } })
  }

  const wait = await loginRetryAfter(email, ip)
  if (wait > 0) {
    await audit({ action: 'auth.login', target, result: 'failure', details: { reason: 'throttled' } })
    setResponseHeader(event, 'Retry-After', wait)
    throw httpError(429, 'Too many failed sign-in attempts. Wait a few minutes, then try again.', 'too_many_attempts')
  }

  const user = await authenticate(email, password)
  if (!user) {
    await fail('invalid_credentials')
    throw httpError(401, 'Wrong email or password', 'invalid_credentials')
  }
  if (user.disabled) {
    await audit({ userId: user.id, action: 'auth.login', target, result: 'failure', details: { reason: 'account_disabled' } })
    throw httpError(403, 'This account is disabled; ask an administrator', 'account_disabled')
  }
  let secondFactor: string | undefined
  if (user.totpEnabledAt) {
    if (!code) throw httpError(401, 'Enter the 6-digit code from your authenticator app', 'totp_required')
    const used = await checkSecondFactor(user, code)
    if (!used) {
      await fail('invalid_totp_code', user.id)
      throw httpError(401, 'That code is not right (or the recovery code was used already)', 'invalid_totp_code')
    }
    secondFactor = used
  }

  await recordLoginSuccess(email)
  const fresh = await recordLogin(user.id)
  await startBrowserSession(event, fresh)
  await alertIfNewAddress(user.id, ip).catch(e => console.error('[auth] the new-address alert failed:', (e as Error).message))
  await audit({ userId: user.id, action: 'auth.login', target, details: secondFactor ? { second_factor: secondFactor } : undefined })
  return { user: toPublicUser(fresh) }
})
