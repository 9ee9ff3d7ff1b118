import { billingOverview } from '#server/services/billing/overview'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  return billingOverview()
})
