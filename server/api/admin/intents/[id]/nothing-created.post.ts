import { markNothingCreated } from '#server/services/exactly-once/review'
import { idParams } from '#server/schemas/common'

/** Admins: states that an intent in review made nothing upstream (its key may try again). */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  return markNothingCreated(id, admin)
})
