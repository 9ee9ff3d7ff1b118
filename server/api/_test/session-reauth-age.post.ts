/** Test-only (NUXT_TEST_ROUTES=1): make the caller's last password confirmation look `seconds` old. */
import { z } from 'zod'
import { ageReauth } from '../../services/sessions'

export default defineEventHandler(async (event) => {
  if (process.env.NUXT_TEST_ROUTES !== '1') throw httpError(404, 'Not found')
  await requireUser(event)
  const { seconds } = await validBody(event, z.object({ seconds: z.number().int().min(0).max(86_400) }))
  const sid = event.context.browserSession?.id
  if (!sid) throw httpError(400, 'Only for browser sessions')
  await ageReauth(sid, seconds)
  return { status: 'aged' }
})
