import { z } from 'zod'
import { markRead } from '../../../services/notifications'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, z.object({ id: uuidParam }))
  const n = await markRead(user.id, id)
  if (!n) throw httpError(404, 'Notification not found')
  return { updated: n }
})
