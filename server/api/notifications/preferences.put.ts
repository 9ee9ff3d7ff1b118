import { setPreferences } from '#server/services/alerts/preferences'
import { preferencesBody as Body } from '#server/schemas/alerts'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { items } = await validBody(event, Body)
  return setPreferences(user, items)
})
