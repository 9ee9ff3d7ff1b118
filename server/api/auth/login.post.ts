import { z } from 'zod'
import { authenticate, recordLogin, toPublicUser } from '../../services/users'
import { audit } from '../../services/audit'

const Body = z.object({ email: z.string().trim().min(1, 'Email is required').max(254), password: z.string().min(1, 'Password is required').max(200) })

export default defineEventHandler(async (event) => {
  const { email, password } = await validBody(event, Body)
  const user = await authenticate(email, password)
  if (!user) throw httpError(401, 'Wrong email or password', 'invalid_credentials')
  if (user.disabled) throw httpError(403, 'This account is disabled; ask an administrator', 'account_disabled')
  await setUserSession(event, { user: { id: user.id, email: user.email, name: user.name, role: user.role } })
  await audit({ userId: user.id, action: 'auth.login', ip: getRequestIP(event) })
  // Stamped only now, once the sign-in is granted: the answer carries this login's time.
  return { user: toPublicUser(await recordLogin(user.id)) }
})
