/** Hourly: the domain expiry and renewal dates the admin dashboard shows (see services/dashboard/watch). */
import { defineJob } from '../lib/jobs'
import { refreshUpstreamWatch } from '../services/dashboard/watch'

export default defineJob('dashboard.watch', async () => {
  const run = await refreshUpstreamWatch()
  if (run.failed.length) console.warn(`[jobs] dashboard.watch: could not read ${run.failed.map(f => `${f.slug} (${f.kind})`).join(', ')}`)
  return { refreshed: run.refreshed, failed: run.failed.length }
}, { schedule: '7 * * * *' })
