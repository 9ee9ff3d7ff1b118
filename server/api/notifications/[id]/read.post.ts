import { markRead } from '#server/services/notifications'
import { idParams } from '#server/schemas/common'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, idParams)
  const n = await markRead(user.id, id)
  if (!n) throw httpError(404, 'Notification not found')
  return { updated: n }
})
