import { z } from 'zod'
import { billingHistory } from '../../services/billing/samples'

const Query = z.object({ days: z.coerce.number().int().min(1).max(366).default(90) })

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { days } = validQuery(event, Query)
  return billingHistory(days)
})
