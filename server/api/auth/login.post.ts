import { authenticate, toPublicUser } from '../../services/users'
import { audit } from '../../services/audit'
import { loginBody as Body } from '../../schemas/auth'

export default defineEventHandler(async (event) => {
  const { email, password } = await validBody(event, Body)
  const user = await authenticate(email, password)
  if (!user) {
    // Recorded whether the account exists or not; the target is the address that was tried.
    await audit({ action: 'auth.login', target: email.toLowerCase(), result: 'failure', details: { reason: 'invalid_credentials' } })
    throw httpError(401, 'Wrong email or password', 'invalid_credentials')
  }
  if (user.disabled) {
    await audit({ userId: user.id, action: 'auth.login', target: user.email, result: 'failure', details: { reason: 'account_disabled' } })
    throw httpError(403, 'This account is disabled; ask an administrator', 'account_disabled')
  }
  await setUserSession(event, { user: { id: user.id, email: user.email, name: user.name, role: user.role } })
  await audit({ userId: user.id, action: 'auth.login', target: user.email })
  return { user: toPublicUser(user) }
})
