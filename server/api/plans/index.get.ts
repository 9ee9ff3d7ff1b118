import { listPlans } from '#server/services/portal/plans'

/** Admins: every plan with its mapping. Customers: the active ones, nothing upstream. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return listPlans(user)
})
