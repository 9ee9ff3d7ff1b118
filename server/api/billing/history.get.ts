import { billingHistory } from '#server/services/billing/samples'
import { billingHistoryQuery as Query } from '#server/schemas/billing'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { days } = validQuery(event, Query)
  return billingHistory(days)
})
