import { createPlan, planBodySchema } from '#server/services/portal/plans'
import { audit } from '#server/services/audit'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const body = await validBody(event, planBodySchema)
  const plan = await createPlan(body)
  await audit({ userId: admin.id, action: 'plan.created', target: plan.id, details: { name: plan.name, account: plan.account.slug } })
  setResponseStatus(event, 201)
  return plan
})
