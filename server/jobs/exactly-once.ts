/** Re-checks unknown outcomes with backoff, and sweeps up stale intents every minute (services/exactly-once/sweep.ts). */
import { defineJob } from '../lib/jobs'
import { RECONCILE_JOB } from '../services/exactly-once/reconcile'
import { recheck, sweep } from '../services/exactly-once/sweep'

export const exactlyOnceReconcile = defineJob<{ intentId: string, attempt?: number }>(RECONCILE_JOB, async ({ intentId, attempt }) => {
  await recheck(intentId, attempt ?? 0)
}, { retryLimit: 5, retryDelay: 5 })

export const exactlyOnceSweep = defineJob('exactly-once.sweep', async () => {
  await sweep()
}, { schedule: '* * * * *', retryLimit: 0 })
