import { markRead } from '#server/services/notifications'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return { updated: await markRead(user.id) }
})
