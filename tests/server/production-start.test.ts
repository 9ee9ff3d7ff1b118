/**
 * The production build started the way a service manager starts it: from another working
 * directory. It finds its own migrations and starts its background jobs; when the database
 * cannot be used it stops with one line saying why, instead of serving pages without jobs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { closedPort, setupFirstAdmin, startApp, type AppProcess } from '../support/app-process'

const workDir = mkdtempSync(join(tmpdir(), 'panel-start-'))
let app: AppProcess | undefined

afterAll(async () => {
  await app?.stop()
  rmSync(workDir, { recursive: true, force: true })
})

describe('the production build started from another folder', () => {
  it('applies its migrations and starts pg-boss', async () => {
    const logFile = join(workDir, 'app.log')
    app = await startApp({ cwd: workDir, pgliteDir: join(workDir, 'pglite'), logFile, env: { NUXT_TEST_ROUTES: '1', NUXT_SANDBOX: '0' } })
    const cookie = await setupFirstAdmin(app.url)
    const jobs = await fetch(`${app.url}/api/_test/jobs`, { headers: { cookie } })
    expect(jobs.status).toBe(200)
    expect((await jobs.json()).queues).toEqual(expect.arrayContaining(['servers.sync', 'orders.provision']))
    await expect.poll(() => readFileSync(logFile, 'utf8')).toMatch(/\[jobs\] pg-boss started with \d+ queue/)
    expect(readFileSync(logFile, 'utf8')).not.toMatch(/\[startup\]|failed/)
  })

  it('stops with one clear line when the database cannot be reached', async () => {
    const logFile = join(workDir, 'no-db.log')
    const databaseUrl = `postgres://postgres@127.0.0.1:${await closedPort()}/nothing`
    await expect(startApp({ cwd: workDir, databaseUrl, logFile, env: { NUXT_SANDBOX: '0' } })).rejects.toThrow(/exited with code 1/)
    const lines = readFileSync(logFile, 'utf8').split('\n').filter(l => l.includes('[startup]'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^\[startup\] database failed, stopping: .*ECONNREFUSED/)
  })

  it('stops with one sentence naming a wrong setting', async () => {
    const logFile = join(workDir, 'bad-env.log')
    await expect(startApp({ cwd: workDir, pgliteDir: join(workDir, 'pglite-bad'), logFile, env: { JOBS_POLL_SECONDS: 'often' } })).rejects.toThrow(/exited with code 1/)
    const lines = readFileSync(logFile, 'utf8').split('\n').filter(l => l.includes('[startup]'))
    expect(lines).toEqual([expect.stringMatching(/^\[startup\] configuration failed, stopping: wrong environment: JOBS_POLL_SECONDS="often"/)])
  })
})
