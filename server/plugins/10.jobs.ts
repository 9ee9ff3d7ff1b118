/** Loads every job module, then starts pg-boss once the database is ready. */
import { JOBS } from '../jobs'
import { stopJobs, useBoss } from '../lib/jobs'

export default defineNitroPlugin((nitro) => {
  if (process.env.JOBS_DISABLED === '1') return
  if (!JOBS.length) return
  useBoss().catch(() => { /* logged in useBoss */ })
  nitro.hooks.hook('close', () => stopJobs())
})
