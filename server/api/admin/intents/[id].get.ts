import { getIntent } from '../../../services/exactly-once/review'
import { idParams } from '../../../schemas/common'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { id } = validParams(event, idParams)
  return getIntent(id)
})
