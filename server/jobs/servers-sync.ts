/**
 * Keeps the server inventory in step with every provider account: every five minutes, after
 * each action (one account) and on demand ("Sync now"). Failures are recorded per account by
 * the sync itself, so the job never retries.
 */
import { defineJob } from '../lib/jobs'
import { syncAccounts } from '../services/servers/sync'
import { SYNC_JOB } from '../services/servers/queue'

export default defineJob<{ accountId?: string }>(SYNC_JOB, async (data) => {
  await syncAccounts(data?.accountId ? { ids: [data.accountId] } : {})
}, { schedule: '*/5 * * * *', retryLimit: 0 })
