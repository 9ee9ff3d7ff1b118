import { billingHistory } from '../../services/billing/samples'
import { billingHistoryQuery as Query } from '../../schemas/billing'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { days } = validQuery(event, Query)
  return billingHistory(days)
})
