/**
 * One sandbox and one built app for the whole server suite. With TEST_DATABASE_URL the app
 * runs on PostgreSQL (emptied first); otherwise on a fresh PGlite folder.
 */
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startSandbox } from '../../sandbox/server'
import { ROOT, resetPostgres, startApp } from '../support/app-process'

export default async function setup(project: TestProject) {
  const sandbox = await startSandbox({ transitionMs: 300, contract: true })
  // Virtua allows 8 servers per account (the limit is unit-tested); the suite's files together make more.
  const raised = await fetch(`${sandbox.url}/__sandbox/virtua/limits`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cloud_servers: 1000 }) })
  if (!raised.ok) throw new Error(`could not raise the Virtua sandbox's server limit: ${raised.status}`)
  const databaseUrl = process.env.TEST_DATABASE_URL
  if (databaseUrl) await resetPostgres(databaseUrl)
  const logFile = resolve(ROOT, '.data/test-app.log')
  rmSync(logFile, { force: true })
  const app = await startApp({ sandboxUrl: sandbox.url, databaseUrl, pgliteDir: resolve(ROOT, '.data/test-pglite'), logFile, env: { UPSTREAM_TIMEOUT_MS: '2000', NUXT_TEST_ROUTES: '1', REAUTH_MAX_AGE_SECONDS: '3600', EXACTLY_ONCE_DEADLINE_MS: '5000', EXACTLY_ONCE_RECHECK_MS: '500', ALERTS_WEBHOOK_ATTEMPTS: '3', ALERTS_WEBHOOK_RETRY_SECONDS: '1', ALERTS_WEBHOOK_TIMEOUT_MS: '3000' } })
  project.provide('baseUrl', app.url)
  project.provide('sandboxUrl', sandbox.url)
  project.provide('appLog', logFile)
  project.provide('database', databaseUrl ? 'postgres' : 'pglite')
  return async () => {
    await app.stop()
    await sandbox.close()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    sandboxUrl: string
    appLog: string
    database: 'postgres' | 'pglite'
  }
}
