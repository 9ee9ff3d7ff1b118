import { planPatchSchema, updatePlan } from '../../services/portal/plans'
import { audit } from '../../services/audit'
import { idParams } from '../../schemas/common'

/** Edit, retire (`retired: true`) or bring back a plan. Orders already placed keep it. */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const body = await validBody(event, planPatchSchema)
  const plan = await updatePlan(id, body)
  const action = body.retired === true ? 'plan.retired' : body.retired === false ? 'plan.restored' : 'plan.updated'
  await audit({ userId: admin.id, action, target: plan.id, details: { fields: Object.keys(body) } })
  return plan
})
