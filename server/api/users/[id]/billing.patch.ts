import { eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { users } from '#server/db/schema'
import { adminBillingProfileSchema, billingProfileView, updateBillingProfile } from '#server/services/invoicing/settings'
import { idParams } from '#server/schemas/common'
import { audit } from '#server/services/audit'

/** Admins: a customer's billing profile and credit terms (provisioned before payment). */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const body = await validBody(event, adminBillingProfileSchema)
  const db = await useDb()
  const [user] = await db.select().from(users).where(eq(users.id, id))
  if (!user) throw httpError(404, 'No such user', 'user_not_found')
  const { credit_terms: terms, ...profile } = body
  if (terms !== undefined) await db.update(users).set({ creditTerms: terms, updatedAt: new Date() }).where(eq(users.id, id))
  const view = await updateBillingProfile({ ...user, creditTerms: terms ?? user.creditTerms }, profile)
  await audit({ userId: admin.id, action: 'user.billing_updated', target: user.email, details: { fields: Object.keys(body) } })
  return terms === undefined ? view : billingProfileView({ ...user, billingCountry: view.country, vatId: view.vat_id, company: view.company, creditTerms: terms })
})
