import { z } from 'zod'
import { accountCatalog } from '../../services/portal/plans'

const Query = z.object({ account: z.string().min(1).max(40), plan: z.string().max(200).optional() })

/** The account's plans, data centers and templates, for the plan form's pickers. */
export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const q = validQuery(event, Query)
  return accountCatalog(q.account, { plan: q.plan })
})
