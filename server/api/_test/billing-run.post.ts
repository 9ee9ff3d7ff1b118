/** Test-only (NUXT_TEST_ROUTES=1): the renewals run at a given moment, so a test can move time. */
import { billingRunBody } from '#server/schemas/test-routes'
import { env } from '#server/lib/config'
import { runRenewals } from '#server/services/payments/renewals'

export default defineEventHandler(async (event) => {
  if (!env().NUXT_TEST_ROUTES) throw httpError(404, 'Not found')
  await requireAdmin(event)
  const body = await validBody(event, billingRunBody)
  return runRenewals(body.now ? new Date(body.now) : new Date(), { customerId: body.customer_id })
})
