import { getPreferences } from '#server/services/alerts/preferences'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return getPreferences(user)
})
