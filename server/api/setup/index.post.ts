import { createFirstAdmin, toPublicUser } from '#server/services/users'
import { audit } from '#server/services/audit'
import { setupBody as Body } from '#server/schemas/auth'

/** First run only: creates the first admin and signs them in; 409 once any user exists. */
export default defineEventHandler(async (event) => {
  const body = await validBody(event, Body)
  const user = await createFirstAdmin(body)
  await startBrowserSession(event, user)
  await audit({ userId: user.id, action: 'setup.admin_created', target: user.email })
  setResponseStatus(event, 201)
  return { user: toPublicUser(user) }
})
