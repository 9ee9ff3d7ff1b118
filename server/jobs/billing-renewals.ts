/** Daily: renewal invoices, overdue reminders, suspension for non-payment, termination review (services/payments/renewals). */
import { defineJob } from '../lib/jobs'
import { runRenewals } from '../services/payments/renewals'

export default defineJob('billing.renewals', async () => {
  const run = await runRenewals(new Date())
  if (run.failed.length) console.warn(`[jobs] billing.renewals: ${run.failed.length} step(s) failed: ${run.failed.map(f => `${f.subscription} (${f.step}): ${f.message}`).join('; ')}`)
  return { issued: run.issued, reminded: run.reminded, suspended: run.suspended, termination_review: run.termination_review, terminated: run.terminated, failed: run.failed.length }
}, { schedule: '23 5 * * *' })
