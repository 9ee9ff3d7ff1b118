/** Loads every job module, then starts pg-boss once the database is ready; no pg-boss, no app. */
import { JOBS } from '../jobs'
import { stopJobs, useBoss } from '../lib/jobs'
import { stopOnStartupFailure } from '../lib/startup'
import { env } from '../lib/config'

export default defineNitroPlugin((nitro) => {
  if (env().JOBS_DISABLED) return
  if (!JOBS.length) return
  useBoss().catch(err => stopOnStartupFailure('background jobs', err))
  nitro.hooks.hook('close', () => stopJobs())
})
