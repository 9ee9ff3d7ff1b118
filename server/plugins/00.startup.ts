/**
 * Checks that must pass before the app serves anything, and the database warm-up.
 * In production a missing credentials key or session password stops the process.
 */
import { loadKeyring } from '../lib/credentials-crypto'
import { useDbHandle } from '../db/client'

export default defineNitroPlugin(() => {
  const production = !import.meta.dev
  try {
    loadKeyring({ production })
    const sessionPassword = process.env.NUXT_SESSION_PASSWORD ?? ''
    if (production && sessionPassword.length < 32) {
      throw new Error('NUXT_SESSION_PASSWORD must be set to at least 32 characters in production (it seals the session cookies)')
    }
  }
  catch (err) {
    console.error(`[startup] ${(err as Error).message}`)
    process.exit(1)
  }
  useDbHandle().then(
    h => console.info(`[db] ready (${h.kind})`),
    err => console.error('[db] initialisation failed:', err),
  )
})
