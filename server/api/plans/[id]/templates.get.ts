import { z } from 'zod'
import { templatesForPlan } from '../../../services/portal/plans'

/** The OS templates a customer may choose for this plan (ids and names only). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, z.object({ id: uuidParam }))
  return templatesForPlan(id, user)
})
