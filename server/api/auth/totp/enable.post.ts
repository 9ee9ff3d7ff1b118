import { audit } from '#server/services/audit'
import { enableTotp } from '#server/services/totp'
import { totpEnableBody as Body } from '#server/schemas/auth'

/** Turns 2FA on; the answer holds the recovery codes, shown this once. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { code } = await validBody(event, Body)
  const recovery_codes = await enableTotp(user, code)
  await audit({ userId: user.id, action: 'auth.totp_enabled', target: user.email })
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return { recovery_codes }
})
