/**
 * Once a day: a balance sample per account and currency (the billing chart), and the
 * low-balance alert. Safe to repeat: a second run the same day refreshes the same rows and
 * notifies nobody twice. A run where some account failed throws, so pg-boss retries it later
 * with backoff (the accounts that worked are simply sampled again).
 */
import { defineJob } from '../lib/jobs'
import { recordBillingSamples } from '../services/billing/samples'

export default defineJob('billing.sample', async () => {
  const run = await recordBillingSamples()
  if (run.errors.length) throw new Error(`billing.sample: ${run.errors.map(e => `${e.slug}: ${e.error}`).join('; ')}`)
}, { schedule: '20 5 * * *' })
