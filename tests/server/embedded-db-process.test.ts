/**
 * The embedded default (no DATABASE_URL) runs PGlite in a child process of the app, which owns
 * the data folder (its pid is in `<folder>.lock`) and dies with the app: killed or stopped, the
 * app leaves no process holding the folder. A second app on a folder that is in use stops with
 * one line saying so. These apps run on their own folders, apart from the suite's database.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startApp, type AppProcess } from '../support/app-process'
import { childPids } from '../support/processes'

const workDir = mkdtempSync(join(tmpdir(), 'panel-embedded-'))
const apps: AppProcess[] = []

afterAll(async () => {
  for (const app of apps) await app.stop()
  rmSync(workDir, { recursive: true, force: true })
})

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ')

async function start(name: string, keepData = false) {
  const app = await startApp({ cwd: workDir, pgliteDir: join(workDir, name), keepData, logFile: join(workDir, `${name}.log`), env: { NUXT_SANDBOX: '0' } })
  apps.push(app)
  return app
}

describe('the embedded database in a process of its own', () => {
  it('runs PGlite in a child of the app that owns the data folder and dies when the app is killed', async () => {
    const app = await start('killed')
    const [dbPid, ...more] = childPids(app.child.pid!, 'pglite-server.mjs')
    expect(more).toEqual([])
    expect(dbPid).toBeGreaterThan(0)
    expect(dbPid).not.toBe(app.child.pid)
    expect(readFileSync(join(workDir, 'killed.lock'), 'utf8')).toBe(String(dbPid))
    // The app's queries go through it: the first account is created and answers.
    const setup = await fetch(`${app.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'correct-horse-battery', name: 'Ada Admin' }),
    })
    expect(setup.status).toBe(201)

    app.child.kill('SIGKILL')
    await expect.poll(() => alive(dbPid!), { timeout: 20_000 }).toBe(false)
    expect(existsSync(join(workDir, 'killed.lock'))).toBe(false)

    // The data was written: a new app on the folder finds the account.
    const again = await start('killed', true)
    const status = await fetch(`${again.url}/api/setup/status`)
    expect(await status.json()).toEqual({ needs_setup: false })
  })

  it('stops its database process when the app is stopped', async () => {
    const app = await start('stopped')
    const [dbPid] = childPids(app.child.pid!, 'pglite-server.mjs')
    expect(dbPid).toBeGreaterThan(0)
    await app.stop()
    await expect.poll(() => alive(dbPid!), { timeout: 20_000 }).toBe(false)
  })

  it('stops with one clear line when another process owns the data folder', async () => {
    const owner = await start('owned')
    expect(childPids(owner.child.pid!, 'pglite-server.mjs')).toHaveLength(1)
    const logFile = join(workDir, 'second.log')
    await expect(startApp({ cwd: workDir, pgliteDir: join(workDir, 'owned'), keepData: true, logFile, env: { NUXT_SANDBOX: '0' } })).rejects.toThrow(/exited with code 1/)
    const lines = readFileSync(logFile, 'utf8').split('\n').filter(l => l.includes('[startup]'))
    expect(lines).toEqual([expect.stringMatching(/^\[startup\] database failed, stopping: embedded database process exited with code 1: .*owned is in use by another embedded database process \(pid \d+/)])
    // The owner is undisturbed.
    expect((await fetch(`${owner.url}/api/health`)).status).toBe(200)
  })
})
