import { billingProfileView } from '#server/services/invoicing/settings'

/** The caller's billing profile (country, VAT id, company) and whether they have credit terms. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return billingProfileView(user)
})
