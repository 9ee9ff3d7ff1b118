/**
 * Two instances of the built app on ONE PostgreSQL database, behind no proxy, with one sandbox:
 * a session from one works on the other; a sync job runs once although both work the queue; two
 * DNS changes to one zone sent at once through different instances are serialised (the second
 * plans against the first's result); the same SSH key pushed through both lands once.
 *
 * Needs PostgreSQL (PGlite is one process's database). The database is its own, emptied first:
 * TEST_MULTI_DATABASE_URL, else TEST_DATABASE_URL's server with `_multi` after the name (the
 * suite's own database stays the suite's), else postgres://postgres@127.0.0.1:5432/hosting_panel_multi.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startSandbox, type Sandbox } from '../../sandbox/server'
import { ROOT, resetPostgres, startApp, type AppProcess } from '../support/app-process'

function multiInstanceDatabaseUrl(env = process.env): string {
  if (env.TEST_MULTI_DATABASE_URL) return env.TEST_MULTI_DATABASE_URL
  if (env.TEST_DATABASE_URL) {
    const u = new URL(env.TEST_DATABASE_URL)
    u.pathname = `${u.pathname.replace(/\/$/, '') || '/postgres'}_multi`
    return u.toString()
  }
  return 'postgres://postgres@127.0.0.1:5432/hosting_panel_multi'
}

async function ensureDatabase(url: string) {
  const u = new URL(url)
  const name = decodeURIComponent(u.pathname.slice(1))
  u.pathname = '/postgres'
  const client = new pg.Client({ connectionString: u.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name])
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`)
  }
  finally { await client.end() }
}

/** A cookie jar that follows the user from one instance to the other. */
class Browser {
  cookie = ''
  constructor(public token?: string) {}
  async req(base: string, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (this.cookie) headers.cookie = this.cookie
    if (this.token) headers.authorization = `Bearer ${this.token}`
    // A browser sends its own origin with every write (the CSRF check wants it).
    else if (method !== 'GET') headers.origin = base
    const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0]!
      const name = pair.split('=')[0]
      const value = pair.slice(name!.length + 1)
      this.cookie = [...this.cookie.split('; ').filter(x => x && !x.startsWith(name + '=')), ...(value ? [pair] : [])].join('; ')
    }
    const text = await res.text()
    let parsed: any = text
    try { parsed = text ? JSON.parse(text) : undefined }
    catch { /* text */ }
    return { status: res.status, body: parsed }
  }
}

const databaseUrl = multiInstanceDatabaseUrl()
let sandbox: Sandbox
let a: AppProcess
let b: AppProcess
let db: pg.Client
const admin = new Browser()
let hostinger = ''

beforeAll(async () => {
  await ensureDatabase(databaseUrl)
  await resetPostgres(databaseUrl)
  sandbox = await startSandbox({ transitionMs: 300 })
  const start = (name: string) => startApp({ databaseUrl, sandboxUrl: sandbox.url, logFile: resolve(ROOT, `.data/multi-instance-${name}.log`), env: { UPSTREAM_TIMEOUT_MS: '5000', JOBS_POLL_SECONDS: '1' } })
  // Both at once: they take turns at the migrations (an advisory lock) and share pg-boss.
  ;[a, b] = await Promise.all([start('a'), start('b')])
  db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
}, 180_000)

afterAll(async () => {
  await db?.end()
  await Promise.all([a?.stop(), b?.stop()])
  await sandbox?.close()
})

describe('two app instances on one PostgreSQL database', () => {
  it('signs in on one, works and signs out on the other', async () => {
    expect((await admin.req(a.url, 'POST', '/api/setup', { email: 'multi@example.com', password: 'multi-instance-pass', name: 'Multi Admin' })).status).toBe(201)
    expect((await admin.req(b.url, 'GET', '/api/auth/me')).body.user.email).toBe('multi@example.com')
    const token = await admin.req(b.url, 'POST', '/api/tokens', { name: 'multi' })
    expect(token.status).toBe(201)
    expect((await new Browser(token.body.token).req(a.url, 'GET', '/api/auth/me')).status).toBe(200)

    const other = new Browser()
    expect((await other.req(b.url, 'POST', '/api/auth/login', { email: 'multi@example.com', password: 'multi-instance-pass' })).status).toBe(200)
    expect((await other.req(a.url, 'GET', '/api/auth/me')).status).toBe(200)
    expect((await other.req(b.url, 'POST', '/api/auth/logout')).status).toBe(200)
    expect((await other.req(a.url, 'GET', '/api/auth/me')).status).toBe(401)
    expect((await other.req(b.url, 'GET', '/api/auth/me')).status).toBe(401)

    const connected = await admin.req(a.url, 'POST', '/api/hosting/sandbox/connect')
    expect(connected.status).toBe(200)
    hostinger = connected.body.accounts.find((x: any) => x.type === 'hostinger').slug
  })

  // An instance keeps a session lookup for up to 1 s (server/services/sessions.ts): a sign-out,
  // a disabled account or a role change made on the other instance ends the session there within
  // that. The wait allows the second plus the requests of a loaded machine, no more.
  const REVOKED_EVERYWHERE_WITHIN_MS = 3_000

  it('ends a session on the other instance within a second of its sign-out, also for a kept copy of the cookie', async () => {
    const browser = new Browser()
    expect((await browser.req(a.url, 'POST', '/api/auth/login', { email: 'multi@example.com', password: 'multi-instance-pass' })).status).toBe(200)
    const copy = new Browser()
    copy.cookie = browser.cookie
    // Both instances have seen (and keep) this session before it ends.
    expect((await copy.req(a.url, 'GET', '/api/auth/me')).status).toBe(200)
    expect((await copy.req(b.url, 'GET', '/api/auth/me')).status).toBe(200)
    expect((await browser.req(b.url, 'POST', '/api/auth/logout')).status).toBe(200)
    // Signed out on b: b refuses the kept cookie at once, a within its second.
    expect((await copy.req(b.url, 'GET', '/api/auth/me')).status).toBe(401)
    await vi.waitFor(async () => expect((await copy.req(a.url, 'GET', '/api/auth/me')).status).toBe(401), { timeout: REVOKED_EVERYWHERE_WITHIN_MS, interval: 50 })
  })

  it('ends a customer\'s session on one instance within a second of an admin disabling or demoting on the other', async () => {
    const created = await admin.req(a.url, 'POST', '/api/users', { email: 'multi-customer@example.com', name: 'Multi Customer', password: 'quiet-lantern-harbour-42' })
    expect(created.status).toBe(201)
    const customer = new Browser()
    expect((await customer.req(a.url, 'POST', '/api/auth/login', { email: 'multi-customer@example.com', password: 'quiet-lantern-harbour-42' })).status).toBe(200)
    expect((await customer.req(a.url, 'GET', '/api/auth/me')).body.user.role).toBe('customer')
    expect((await admin.req(b.url, 'PATCH', `/api/users/${created.body.id}`, { disabled: true })).status).toBe(200)
    await vi.waitFor(async () => expect((await customer.req(a.url, 'GET', '/api/auth/me')).status).toBe(401), { timeout: REVOKED_EVERYWHERE_WITHIN_MS, interval: 50 })

    // Promoted to admin on b: the customer session a keeps ends there too (they sign in again as admin).
    expect((await admin.req(b.url, 'PATCH', `/api/users/${created.body.id}`, { disabled: false })).status).toBe(200)
    const again = new Browser()
    expect((await again.req(b.url, 'POST', '/api/auth/login', { email: 'multi-customer@example.com', password: 'quiet-lantern-harbour-42' })).status).toBe(200)
    expect((await again.req(a.url, 'GET', '/api/servers')).status).toBe(200)
    expect((await admin.req(b.url, 'PATCH', `/api/users/${created.body.id}`, { role: 'admin' })).status).toBe(200)
    await vi.waitFor(async () => expect((await again.req(a.url, 'GET', '/api/servers')).status).toBe(401), { timeout: REVOKED_EVERYWHERE_WITHIN_MS, interval: 50 })
  })

  it('runs a sync job once although both instances work the queue', async () => {
    const busy = async () => Number((await db.query(`select count(*) as n from pgboss.job where name = 'servers.sync' and state in ('created', 'retry', 'active')`)).rows[0].n)
    // Whatever connecting queued has finished before counting starts.
    await vi.waitFor(async () => expect(await busy()).toBe(0), { timeout: 60_000, interval: 250 })
    const account = (await db.query('select id from provider_accounts where slug = $1', [hostinger])).rows[0].id as string
    const since = new Date()
    const listCalls = () => sandbox.requests.filter(r => r.provider === 'hostinger' && r.method === 'GET' && r.path === '/api/vps/v1/virtual-machines' && r.at >= since.getTime()).length

    expect((await admin.req(b.url, 'POST', '/api/servers/sync', { account: hostinger })).body.status).toBe('queued')
    const jobs = async () => (await db.query(`select id, state, retry_count, data from pgboss.job where name = 'servers.sync' and created_on >= $1`, [since])).rows
    await vi.waitFor(async () => {
      const mine = (await jobs()).filter(j => j.data?.accountId === account)
      expect(mine.map(j => j.state)).toEqual(['completed'])
    }, { timeout: 30_000, interval: 250 })
    const all = await jobs()
    const mine = all.filter(j => j.data?.accountId === account)
    expect(mine).toHaveLength(1)
    expect(mine[0].retry_count).toBe(0)
    // The every-five-minutes sync may have fired meanwhile (sent once by pg-boss's cron, too):
    // each completed job read the account once, and nothing else did.
    await vi.waitFor(async () => expect((await busy())).toBe(0), { timeout: 30_000, interval: 250 })
    const scheduledRuns = (await jobs()).filter(j => !j.data?.accountId && j.state === 'completed').length
    expect(listCalls()).toBe(1 + scheduledRuns)
    // Both instances declared the schedule; pg-boss keeps one.
    expect(Number((await db.query(`select count(*) as n from pgboss.schedule where name = 'servers.sync'`)).rows[0].n)).toBe(1)
  })

  it('lists a change made on the other instance, or straight in the database, in the very next listing', async () => {
    // Each instance keeps listing answers while the inventory's change counter stands still
    // (server/services/servers/listing-cache.ts): a change anywhere must move it.
    const list = async (app: AppProcess) => (await admin.req(app.url, 'GET', `/api/servers?account=${hostinger}&per_page=100`)).body
    const first = (await list(a)).items[0]
    expect((await list(a)).items[0]).toEqual(first)
    expect((await admin.req(b.url, 'PATCH', `/api/servers/${first.id}`, { admin_locked: true, lock_reason: 'multi' })).status).toBe(200)
    expect((await list(a)).items.find((s: any) => s.id === first.id)).toMatchObject({ admin_locked: true, lock_reason: 'multi' })
    expect((await admin.req(a.url, 'PATCH', `/api/servers/${first.id}`, { admin_locked: false, lock_reason: null })).status).toBe(200)
    expect((await list(b)).items.find((s: any) => s.id === first.id)).toMatchObject({ admin_locked: false })

    // A column no sync writes, so only this change can move it.
    await db.query('update servers set admin_locked_at = now(), admin_lock_reason = $1 where id = $2', ['locked in psql', first.id])
    for (const app of [a, b]) expect((await list(app)).items.find((s: any) => s.id === first.id)).toMatchObject({ admin_locked: true, lock_reason: 'locked in psql' })
    await db.query('update servers set admin_locked_at = null, admin_lock_reason = null where id = $1', [first.id])
    expect((await list(a)).items.find((s: any) => s.id === first.id)).toMatchObject({ admin_locked: false, lock_reason: null })
    // The owner's name is in the rows too.
    const me = (await admin.req(a.url, 'GET', '/api/auth/me')).body.user
    expect((await admin.req(a.url, 'PATCH', `/api/servers/${first.id}`, { owner_id: me.id })).status).toBe(200)
    await db.query('update users set name = $1 where id = $2', ['Renamed Admin', me.id])
    expect((await list(b)).items.find((s: any) => s.id === first.id).owner).toMatchObject({ name: 'Renamed Admin' })
    await db.query('update users set name = $1 where id = $2', ['Multi Admin', me.id])
  })

  it('serialises two DNS changes to one zone sent at once through different instances', async () => {
    const zones = await admin.req(a.url, 'GET', '/api/dns/zones')
    const domain = zones.body.zones.find((z: any) => z.provider === hostinger).domain as string
    const path = `/api/hosting/providers/${hostinger}/dns/${domain}`
    const before = (await admin.req(a.url, 'GET', path)).body.length as number
    // Slow upstream: each change takes long enough for the other to arrive meanwhile.
    sandbox.faults.globalLatencyMs = 150
    try {
      const name = `race-${Date.now()}`
      const [one, two] = await Promise.all([
        admin.req(a.url, 'PUT', path, { records: [{ type: 'TXT', name, content: 'from instance a', ttl: 300 }], overwrite: false }),
        admin.req(b.url, 'PUT', path, { records: [{ type: 'TXT', name, content: 'from instance b', ttl: 300 }], overwrite: false }),
      ])
      expect([one.status, two.status]).toEqual([200, 200])
      // Writes replace whole name+type sets: unserialised, the later write would drop the other's record.
      const sizes = [one.body.plan.zone_size, two.body.plan.zone_size].sort((x, y) => x - y)
      expect(sizes).toEqual([before, before + 1])
      const second = one.body.plan.zone_size > two.body.plan.zone_size ? one.body : two.body
      expect(second.plan.unchanged).toBe(before + 1)
      const after = (await admin.req(b.url, 'GET', path)).body as { name: string, content: string }[]
      expect(after.filter(r => r.name === name).map(r => r.content.replace(/"/g, '')).sort()).toEqual(['from instance a', 'from instance b'])
    }
    finally { sandbox.faults.globalLatencyMs = 0 }
  })

  it('adds an SSH key upstream once when both instances push it at the same time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'multi-key-'))
    execFileSync('/usr/bin/ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'multi', '-f', join(dir, 'k')], { stdio: 'pipe' })
    const key = await admin.req(a.url, 'POST', '/api/ssh-keys', { public_key: readFileSync(join(dir, 'k.pub'), 'utf8') })
    expect(key.status).toBe(201)
    sandbox.faults.globalLatencyMs = 150
    try {
      const pushes = await Promise.all([a, b].map(app => admin.req(app.url, 'POST', `/api/ssh-keys/${key.body.id}/push`, { accounts: [hostinger] })))
      expect(pushes.map(p => p.status)).toEqual([200, 200])
      expect(pushes.flatMap(p => p.body.map((r: any) => r.status)).sort()).toEqual(['added', 'already_present'])
    }
    finally { sandbox.faults.globalLatencyMs = 0 }
    const upstream = await admin.req(b.url, 'GET', `/api/hosting/providers/${hostinger}/ssh-keys`)
    expect(upstream.body.filter((k: any) => k.fingerprint === key.body.fingerprint)).toHaveLength(1)
  })
})
