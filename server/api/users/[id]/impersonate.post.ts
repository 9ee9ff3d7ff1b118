import { toPublicUser } from '#server/services/users'
import { startImpersonation } from '#server/services/impersonation'
import { userParams as Params } from '#server/schemas/users'

/** Admins: sign in as a customer to see what they see (password confirmed within 5 minutes; audited). */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, Params)
  await requireRecentAuth(event)
  return { user: toPublicUser(await startImpersonation(event, admin, id)) }
})
