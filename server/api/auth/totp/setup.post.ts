import { startTotpSetup } from '#server/services/totp'

/** A new TOTP secret to scan (shown once here); 2FA is not on until /enable gets a valid code. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return startTotpSetup(user)
})
