/**
 * Checks that must pass before the app serves anything, and the database warm-up.
 * Start-up cannot half-work: a missing credentials key or session password in production, a
 * database that cannot be reached or migrated — each stops the process with one line saying
 * why, so a supervisor (systemd, a container runtime) shows the failure and restarts it,
 * instead of pages being served while syncing and provisioning never start.
 */
import { loadKeyring } from '../lib/credentials-crypto'
import { useDbHandle } from '../db/client'
import { stopOnStartupFailure } from '../lib/startup'
import { env } from '../lib/config'

export default defineNitroPlugin(() => {
  const production = !import.meta.dev
  try {
    const sessionPassword = env().NUXT_SESSION_PASSWORD
    loadKeyring({ production })
    if (production && sessionPassword.length < 32) {
      throw new Error('NUXT_SESSION_PASSWORD must be set to at least 32 characters in production (it seals the session cookies)')
    }
  }
  catch (err) {
    stopOnStartupFailure('configuration', err)
  }
  useDbHandle().then(
    h => console.info(`[db] ready (${h.kind})`),
    err => stopOnStartupFailure('database', err),
  )
})
