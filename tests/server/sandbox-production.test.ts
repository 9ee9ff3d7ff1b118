/**
 * The sandbox stays out of the production build: the simulators are not in .output, and a build
 * started with NUXT_SANDBOX=1 but no SANDBOX_URL offers the sandbox and says what it needs
 * instead of starting one it does not have.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SANDBOX_CREDENTIALS } from '../../sandbox/credentials'
import { ROOT, setupFirstAdmin, startApp, type AppProcess } from '../support/app-process'

const workDir = mkdtempSync(join(tmpdir(), 'panel-sandbox-'))
let app: AppProcess | undefined

afterAll(async () => {
  await app?.stop()
  rmSync(workDir, { recursive: true, force: true })
})

function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(e => e.isFile() && /\.m?js$/.test(e.name))
    .map(e => join(e.parentPath, e.name))
}

describe('the sandbox in a production build', () => {
  it('is not in the built server: neither the simulators nor their keys', () => {
    const files = serverFiles(resolve(ROOT, '.output/server'))
    expect(files.length).toBeGreaterThan(10)
    const withSandbox = files.filter((f) => {
      const text = readFileSync(f, 'utf8')
      return text.includes('/__sandbox/faults') || text.includes(SANDBOX_CREDENTIALS.virtfusion.api_key)
    })
    expect(withSandbox).toEqual([])
  })

  it('answers NUXT_SANDBOX=1 without SANDBOX_URL with a clear 503', async () => {
    app = await startApp({ cwd: workDir, pgliteDir: join(workDir, 'pglite'), logFile: join(workDir, 'app.log'), env: { NUXT_SANDBOX: '1', SANDBOX_URL: '' } })
    const cookie = await setupFirstAdmin(app.url)
    const state = await fetch(`${app.url}/api/hosting/sandbox`, { headers: { cookie } })
    expect(await state.json()).toEqual({ enabled: true })
    const connect = await fetch(`${app.url}/api/hosting/sandbox/connect`, { method: 'POST', headers: { cookie, origin: app.url } })
    expect(connect.status).toBe(503)
    expect(await connect.json()).toEqual({ error: expect.stringMatching(/no built-in sandbox.*SANDBOX_URL/), code: 'sandbox_unavailable' })
  })
})
