import { verifyPassword } from '#server/lib/passwords'
import { audit } from '#server/services/audit'
import { checkSecondFactor, disableTotp } from '#server/services/totp'
import { totpDisableBody as Body } from '#server/schemas/auth'

/** Turns 2FA off: needs both the password and a current code (or a recovery code). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await validBody(event, Body)
  if (!user.totpEnabledAt) throw httpError(409, 'Two-factor authentication is not on', 'totp_not_enabled')
  if (!(await verifyPassword(user.passwordHash, body.password))) throw httpError(400, 'The password is wrong', 'invalid_password')
  if (!(await checkSecondFactor(user, body.code))) throw httpError(400, 'That code is not right', 'invalid_totp_code')
  await disableTotp(user)
  await audit({ userId: user.id, action: 'auth.totp_disabled', target: user.email })
  return { status: 'disabled' }
})
