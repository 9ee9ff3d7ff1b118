import { z } from 'zod'
import { getIntent } from '../../../services/exactly-once/review'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { id } = validParams(event, z.object({ id: uuidParam }))
  return getIntent(id)
})
