import { listNotifications } from '#server/services/notifications'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return listNotifications(user.id, 50, { admin: user.role === 'admin' })
})
