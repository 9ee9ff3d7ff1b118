import { getIntent } from '#server/services/exactly-once/review'
import { idParams } from '#server/schemas/common'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { id } = validParams(event, idParams)
  return getIntent(id)
})
