import { templatesForPlan } from '#server/services/portal/plans'
import { idParams } from '#server/schemas/common'

/** The OS templates a customer may choose for this plan (ids and names only). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, idParams)
  return templatesForPlan(id, user)
})
