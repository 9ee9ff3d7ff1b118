import { runRenewals } from '#server/services/payments/renewals'
import { audit } from '#server/services/audit'

/** "Run billing now": the daily renewals run, at once. */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const run = await runRenewals(new Date())
  await audit({ userId: admin.id, action: 'billing.run', details: { issued: run.issued, reminded: run.reminded, suspended: run.suspended, termination_review: run.termination_review, terminated: run.terminated, failed: run.failed.length } })
  return run
})
