import { eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { users } from '#server/db/schema'
import { billingProfileView } from '#server/services/invoicing/settings'
import { idParams } from '#server/schemas/common'

/** Admins: a customer's billing profile and credit terms, as the customer admin dialog shows them. */
export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const db = await useDb()
  const [user] = await db.select().from(users).where(eq(users.id, id))
  if (!user) throw httpError(404, 'No such user', 'user_not_found')
  return billingProfileView(user)
})
