/** Test-only (NUXT_TEST_ROUTES=1): the domain expiry check run as if the clock read `at`, to cross its thresholds. */
import { expiryCheckAtBody } from '#server/schemas/test-routes'
import { env } from '#server/lib/config'
import { runExpiryCheck } from '#server/services/domains/expiry'

export default defineEventHandler(async (event) => {
  if (!env().NUXT_TEST_ROUTES) throw httpError(404, 'Not found')
  await requireAdmin(event)
  const { at } = await validBody(event, expiryCheckAtBody)
  return runExpiryCheck(Date.parse(at))
})
