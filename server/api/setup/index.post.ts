import { z } from 'zod'
import { createFirstAdmin, toPublicUser } from '../../services/users'
import { audit } from '../../services/audit'

const Body = z.object({ email: emailSchema, password: passwordSchema, name: nameSchema })

/** First run only: creates the first admin and signs them in; 409 once any user exists. */
export default defineEventHandler(async (event) => {
  const body = await validBody(event, Body)
  const user = await createFirstAdmin(body)
  await startBrowserSession(event, user)
  await audit({ userId: user.id, action: 'setup.admin_created', target: user.email, ip: getRequestIP(event) })
  setResponseStatus(event, 201)
  return { user: toPublicUser(user) }
})
