import { setUserLocale } from '#server/services/users'
import { updateMeBody as Body } from '#server/schemas/auth'

/** The caller's own preferences; today the panel language, kept for every device and for API error sentences. */
export default defineEventHandler(async (event) => {
  const body = await validBody(event, Body)
  const user = await requireUser(event)
  await setUserLocale(user.id, body.locale)
  return { status: 'updated' as const, locale: body.locale }
})
