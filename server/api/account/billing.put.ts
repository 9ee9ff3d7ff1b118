import { billingProfileSchema, updateBillingProfile } from '#server/services/invoicing/settings'

/** The caller's own billing profile; it applies to invoices issued from now on. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await validBody(event, billingProfileSchema)
  return updateBillingProfile(user, body)
})
