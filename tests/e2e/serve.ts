/** The e2e stack: the sandbox, and the built app on a fresh PGlite folder pointing at it. */
import { resolve } from 'node:path'
import { startSandbox } from '../../sandbox/server'
import { ROOT, startApp } from '../support/app-process'

const sandbox = await startSandbox({ port: Number(process.env.E2E_SANDBOX_PORT ?? 4458), transitionMs: 1500 })
const app = await startApp({
  port: Number(process.env.E2E_PORT ?? 3457),
  sandboxUrl: sandbox.url,
  databaseUrl: process.env.E2E_DATABASE_URL,
  pgliteDir: resolve(ROOT, '.data/e2e-pglite'),
  logFile: resolve(ROOT, '.data/e2e-app.log'),
  // Test-only routes (admin-gated), e.g. to make a session's password confirmation look old; a lost
  // answer with no evidence reaches admin review within seconds, not ten minutes.
  env: { NUXT_TEST_ROUTES: '1', EXACTLY_ONCE_DEADLINE_MS: '3000', EXACTLY_ONCE_RECHECK_MS: '500' },
})
console.log(`e2e app on ${app.url}, sandbox on ${sandbox.url}`)
const stop = async () => { await app.stop(); await sandbox.close(); process.exit(0) }
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
