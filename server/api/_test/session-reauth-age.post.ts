/** Test-only (NUXT_TEST_ROUTES=1): make the caller's last password confirmation look `seconds` old. */
import { ageReauth } from '#server/services/sessions'
import { reauthAgeBody } from '#server/schemas/test-routes'
import { env } from '#server/lib/config'

export default defineEventHandler(async (event) => {
  if (!env().NUXT_TEST_ROUTES) throw httpError(404, 'Not found')
  await requireUser(event)
  const { seconds } = await validBody(event, reauthAgeBody)
  const sid = event.context.browserSession?.id
  if (!sid) throw httpError(400, 'Only for browser sessions')
  await ageReauth(sid, seconds)
  return { status: 'aged' }
})
