import { z } from 'zod'
import { markNothingCreated } from '../../../../services/exactly-once/review'

/** Admins: states that an intent in review made nothing upstream (its key may try again). */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, z.object({ id: uuidParam }))
  return markNothingCreated(id, admin)
})
