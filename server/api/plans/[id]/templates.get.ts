import { templatesForPlan } from '../../../services/portal/plans'
import { idParams } from '../../../schemas/common'

/** The OS templates a customer may choose for this plan (ids and names only). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, idParams)
  return templatesForPlan(id, user)
})
