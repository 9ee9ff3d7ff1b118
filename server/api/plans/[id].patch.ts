import { getPlanView, planPatchSchema, updatePlan } from '#server/services/portal/plans'
import { audit, changedKeys } from '#server/services/audit'
import { idParams } from '#server/schemas/common'

/** Edit, retire (`retired: true`) or bring back a plan. Orders already placed keep it. */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const body = await validBody(event, planPatchSchema)
  const before = await getPlanView(id, admin) as Record<string, unknown>
  const plan = await updatePlan(id, body)
  // A patch that leaves everything as it was is not a change to record.
  const fields = changedKeys(before, plan as Record<string, unknown>, ['name', 'description', 'price_text', 'account', 'mapping', 'retired'])
  const action = fields.includes('retired') ? (plan.retired ? 'plan.retired' : 'plan.restored') : 'plan.updated'
  if (fields.length) await audit({ userId: admin.id, action, target: plan.id, details: { fields } })
  return plan
})
