/** Loads every job module, then starts pg-boss once the database is ready; no pg-boss, no app. */
import { JOBS } from '../jobs'
import { stopJobs, useBoss } from '../lib/jobs'
import { stopOnStartupFailure } from '../lib/startup'

export default defineNitroPlugin((nitro) => {
  if (process.env.JOBS_DISABLED === '1') return
  if (!JOBS.length) return
  useBoss().catch(err => stopOnStartupFailure('background jobs', err))
  nitro.hooks.hook('close', () => stopJobs())
})
