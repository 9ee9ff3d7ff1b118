import { accountCatalog } from '#server/services/portal/plans'
import { planCatalogQuery as Query } from '#server/schemas/plans'

/** The account's plans, data centers and templates, for the plan form's pickers. */
export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const q = validQuery(event, Query)
  return accountCatalog(q.account, { plan: q.plan })
})
