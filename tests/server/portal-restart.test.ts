/**
 * The app stops in the middle of provisioning, and a new process on the same database picks
 * the order up: killed while its create call was in flight (the answer lost with it), and shut
 * down between steps. Each order ends with exactly one upstream server.
 *
 * This suite runs its own sandbox (slow builds, so there is time to stop in between) and its
 * own app on its own PGlite folder, so stopping it does not disturb the shared one.
 */
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../sandbox/credentials'
import { startSandbox, type Sandbox } from '../../sandbox/server'
import type { VirtfusionState } from '../../sandbox/providers/virtfusion'
import { ROOT, startApp, type AppProcess } from '../support/app-process'
import { GOOD_MAPPINGS, uniqueHost } from './portal-helpers'

const DIR = resolve(ROOT, '.data/test-pglite-restart')
const LOG = resolve(ROOT, '.data/test-app-restart.log')
const ENV = { NUXT_TEST_ROUTES: '1', ORDERS_LEASE_SECONDS: '3', UPSTREAM_TIMEOUT_MS: '60000' }

let sandbox: Sandbox
let app: AppProcess

/** A cookie-keeping client for this suite's own app. */
class AppClient {
  cookie = ''
  async req(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(app.url + path, {
      method,
      headers: { 'content-type': 'application/json', origin: app.url, ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const set = res.headers.getSetCookie?.()[0]
    if (set) this.cookie = set.split(';')[0]!
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : undefined }
  }
}

const admin = new AppClient()
const customer = new AppClient()
let planId: string

async function startAppProcess(keepData: boolean) {
  app = await startApp({ sandboxUrl: sandbox.url, pgliteDir: DIR, keepData, logFile: LOG, env: ENV })
  // Sessions are sealed with the same password across restarts: the cookies stay valid.
}

async function waitOrder(id: string, done: (o: any) => boolean, timeoutMs = 60_000) {
  return vi.waitFor(async () => {
    const r = await customer.req('GET', `/api/orders/${id}`).catch(() => undefined)
    if (r?.status === 200 && done(r.body)) return r.body
    throw new Error(`order ${id} did not get there: ${JSON.stringify({ status: r?.body?.status, step: r?.body?.current_step, error: r?.body?.error })}`)
  }, { timeout: timeoutMs, interval: 250 })
}

const vf = () => sandbox.sims.virtfusion.state as VirtfusionState
const creates = () => sandbox.requests.filter(r => r.provider === 'virtfusion' && r.method === 'POST' && r.path === '/servers')

beforeAll(async () => {
  sandbox = await startSandbox({ transitionMs: 8000 })
  await startAppProcess(false)
  expect((await admin.req('POST', '/api/setup', { email: 'root@example.com', name: 'Root', password: 'restart-password-1' })).status).toBe(201)
  const creds = SANDBOX_CREDENTIALS.virtfusion
  expect((await admin.req('POST', '/api/hosting/providers/virtfusion/configure', { api_key: creds.api_key, extra: { ...creds.extra, base_url: sandboxBaseUrl(sandbox.url, 'virtfusion') } })).status).toBeLessThan(300)
  const plan = await admin.req('POST', '/api/plans', { name: 'Restart plan', account: 'virtfusion', mapping: GOOD_MAPPINGS.virtfusion })
  expect(plan.status, JSON.stringify(plan.body)).toBe(201)
  planId = plan.body.id
  expect((await admin.req('POST', '/api/users', { email: 'rita@example.com', name: 'Rita Restart', password: 'rita-password-1', role: 'customer' })).status).toBe(201)
  expect((await customer.req('POST', '/api/auth/login', { email: 'rita@example.com', password: 'rita-password-1' })).status).toBe(200)
}, 180_000)

afterAll(async () => {
  await app?.stop()
  await sandbox?.close()
})

describe('an app restart in the middle of provisioning', () => {
  it('killed while creating: the new process finds the server the lost call made and does not create another', async () => {
    const before = creates().length
    // The simulator makes the server, but its answer never leaves: the app dies waiting for it.
    sandbox.faults.add('virtfusion', { hangAfter: true, match: '/servers', method: 'POST', count: 1 })
    const hostname = uniqueHost('crash')
    const placed = await customer.req('POST', '/api/orders', { plan_id: planId, template: '46', hostname }, { 'Idempotency-Key': crypto.randomUUID() })
    expect(placed.status, JSON.stringify(placed.body)).toBe(202)
    await expect.poll(() => creates().length, { timeout: 30_000, interval: 100 }).toBe(before + 1)

    app.child.kill('SIGKILL')
    await new Promise(r => app.child.once('exit', r))
    await startAppProcess(true)

    const done = await waitOrder(placed.body.id, o => o.status === 'completed' || o.status === 'failed')
    expect(done.status, JSON.stringify(done)).toBe('completed')
    const full = (await admin.req('GET', `/api/orders/${placed.body.id}`)).body
    // The new process took over the orphaned in_flight intent and settled it by the marker on the server.
    expect(full.logs.find((l: any) => l.step === 'create' && l.status === 'succeeded').message).toMatch(/answer was lost; found \(by marker\)/)
    expect(creates().length).toBe(before + 1)
    expect(vf().servers.filter(s => s.name === hostname)).toHaveLength(1)
    expect(vf().servers.filter(s => s.ownerId === Number(full.progress.ensure_user.upstream_user_id))).toHaveLength(1)
  })

  it('stopped between steps: the queued work resumes after the restart from the step it had reached', async () => {
    const before = creates().length
    const hostname = uniqueHost('restart')
    const placed = await customer.req('POST', '/api/orders', { plan_id: planId, template: '46', hostname }, { 'Idempotency-Key': crypto.randomUUID() })
    expect(placed.status).toBe(202)
    await waitOrder(placed.body.id, o => o.current_step === 'wait_running', 30_000)

    await app.stop()
    await startAppProcess(true)

    const done = await waitOrder(placed.body.id, o => o.status === 'completed' || o.status === 'failed')
    expect(done.status, JSON.stringify(done)).toBe('completed')
    const full = (await admin.req('GET', `/api/orders/${placed.body.id}`)).body
    // Finished steps were not run again.
    for (const step of ['ensure_user', 'create', 'install']) {
      expect(full.logs.filter((l: any) => l.step === step && l.status === 'started'), step).toHaveLength(1)
    }
    expect(creates().length).toBe(before + 1)
    expect(vf().servers.filter(s => s.name === hostname)).toHaveLength(1)
    const server = await customer.req('GET', `/api/servers/${done.server_id}`)
    expect(server.body).toMatchObject({ status: 'running', owner: { email: 'rita@example.com' } })
  })
})
