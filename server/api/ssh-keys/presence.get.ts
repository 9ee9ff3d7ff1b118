import { presenceOverview } from '#server/services/ssh-keys/presence'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  return presenceOverview(admin)
})
