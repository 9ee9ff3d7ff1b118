import { readFileSync } from 'node:fs'
import { inject, beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../sandbox/credentials'
import { closedPort } from '../support/app-process'
import { ADMIN, Client, adminClient, customerClient, sandboxAdmin, sandboxUrl } from './helpers'

const TYPES = ['virtfusion', 'virtua', 'hostinger', 'inferno'] as const
let admin: Client

describe('first run and sign-in', () => {
  it('refuses every API route but setup, login and health without a session', async () => {
    const anon = new Client()
    for (const path of ['/api/auth/me', '/api/hosting/providers', '/api/users', '/api/notifications', '/api/tokens']) {
      const r = await anon.get(path)
      expect(r.status, path).toBe(401)
      expect(r.body.error).toMatch(/sign in/i)
    }
    expect((await anon.get('/api/health')).status).toBe(200)
  })

  it('rejects bad setup input with a 400 and a readable error', async () => {
    const r = await new Client().post('/api/setup', { email: 'not-an-email', password: 'short', name: '' })
    expect(r.status).toBe(400)
    expect(r.body.error).toMatch(/email/i)
    // Each field's problem on its own, for a form to mark that field.
    expect(r.body.code).toBe('invalid_input')
    expect(r.body.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['email', 'password']))
    const broken = await new Client().req('POST', '/api/setup', '{not json', { 'content-type': 'application/json' })
    expect(broken.status).toBe(400)
    expect(broken.body).toEqual(expect.objectContaining({ error: expect.any(String) }))
  })

  it('creates the first admin once, then answers 409', async () => {
    admin = await adminClient()
    const me = await admin.get('/api/auth/me')
    expect(me.status).toBe(200)
    expect(me.body.user).toMatchObject({ email: ADMIN.email, role: 'admin' })
    const again = await new Client().post('/api/setup', { email: 'other@example.com', password: 'another-password', name: 'Other' })
    expect(again.status).toBe(409)
    expect((await new Client().get('/api/setup/status')).body.needs_setup).toBe(false)
  })

  it('signs in with the right password only', async () => {
    const bad = await new Client().post('/api/auth/login', { email: ADMIN.email, password: 'wrong-password' })
    expect(bad.status).toBe(401)
    expect(bad.body.error).toBe('Wrong email or password')
    const unknown = await new Client().post('/api/auth/login', { email: 'nobody@example.com', password: 'whatever-123' })
    expect(unknown.status).toBe(401)
    const c = new Client()
    expect((await c.post('/api/auth/login', { email: ADMIN.email.toUpperCase(), password: ADMIN.password })).status).toBe(200)
    expect((await c.post('/api/auth/logout')).status).toBe(200)
    expect((await c.get('/api/auth/me')).status).toBe(401)
  })
})

describe('API tokens', () => {
  it('are shown once, work as Bearer, and stop working when revoked', async () => {
    const created = await admin.post('/api/tokens', { name: 'ci script' })
    expect(created.status).toBe(201)
    const token: string = created.body.token
    expect(token).toMatch(/^hp_/)
    const list = await admin.get('/api/tokens')
    expect(JSON.stringify(list.body)).not.toContain(token)
    expect(list.body[0]).toMatchObject({ name: 'ci script', prefix: token.slice(0, 10) })

    const bot = new Client(token)
    expect((await bot.get('/api/auth/me')).body.user.email).toBe(ADMIN.email)
    expect((await bot.get('/api/hosting/providers')).status).toBe(200)

    expect((await admin.del(`/api/tokens/${created.body.id}`)).status).toBe(200)
    expect((await bot.get('/api/auth/me')).status).toBe(401)
    expect((await new Client('hp_made-up').get('/api/auth/me')).status).toBe(401)
  })
})

describe('customers', () => {
  it('admins create, edit and disable customers; customers get 403 on admin routes', async () => {
    const { client: cust, user } = await customerClient(admin)
    for (const [m, p] of [['GET', '/api/hosting/providers'], ['POST', '/api/hosting/providers/virtua/configure'], ['POST', '/api/hosting/providers/virtua/test'], ['DELETE', '/api/hosting/providers/virtua'], ['GET', '/api/users'], ['GET', '/api/hosting/provider-types'], ['POST', '/api/hosting/sandbox/connect']] as const) {
      const r = await cust.req(m, p, m === 'GET' || m === 'DELETE' ? undefined : { api_key: 'x' })
      expect(r.status, `${m} ${p}`).toBe(403)
    }
    const dup = await admin.post('/api/users', { email: user.email, name: 'Dup', password: 'duplicate-account-pass' })
    expect(dup.status).toBe(409)
    const edited = await admin.patch(`/api/users/${user.id}`, { name: 'Cora C.' })
    expect(edited.body.name).toBe('Cora C.')
    expect((await admin.patch(`/api/users/${user.id}`, { disabled: true })).status).toBe(200)
    expect((await cust.get('/api/auth/me')).status).toBe(401)
    expect((await admin.patch('/api/users/not-a-uuid', { name: 'x' })).status).toBe(400)
  })
})

describe('provider accounts', () => {
  beforeAll(async () => { admin ??= await adminClient() })

  it('configures all four providers against the sandbox and each test succeeds', async () => {
    for (const type of TYPES) {
      const creds = SANDBOX_CREDENTIALS[type]
      const r = await admin.post(`/api/hosting/providers/${type}/configure`, { api_key: creds.api_key, extra: { ...creds.extra, base_url: sandboxBaseUrl(sandboxUrl(), type) } })
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300)
      expect(r.body.status).toBe('configured')
      const t = await admin.post(`/api/hosting/providers/${type}/test`)
      expect(t.status, `${type}: ${JSON.stringify(t.body)}`).toBe(200)
      expect(t.body.status).toBe('ok')
    }
    const vf = await admin.post('/api/hosting/providers/virtfusion/test')
    expect(vf.body.message).toMatch(/^VirtFusion connection successful\. Version: \d+\.\d+\.\d+/)

    const list = await admin.get('/api/hosting/providers')
    // Other test files may add accounts of their own; these four must be there and connected.
    const mine = list.body.filter((a: any) => (TYPES as readonly string[]).includes(a.name))
    expect(mine.map((a: any) => a.name).sort()).toEqual([...TYPES].sort())
    for (const a of mine) {
      expect(a).toMatchObject({ connected: true, type: a.name })
      expect(a.capabilities.servers).toHaveProperty('supported')
    }
  })

  it('never returns a credential, and stores only ciphertext', async () => {
    const list = await admin.get('/api/hosting/providers')
    const text = JSON.stringify(list.body)
    for (const type of TYPES) expect(text).not.toContain(SANDBOX_CREDENTIALS[type].api_key)
    expect(list.body[0].credentials.api_key).toMatch(/^••••.{4}$/)

    const raw = await admin.get('/api/_test/provider-accounts')
    expect(raw.status).toBe(200)
    for (const row of raw.body) {
      const rowText = JSON.stringify(row)
      for (const type of TYPES) expect(rowText).not.toContain(SANDBOX_CREDENTIALS[type].api_key)
      expect(Buffer.from(row.credentialsCiphertext, 'base64').length).toBeGreaterThan(28)
      expect(row.credentialsKeyId).toMatch(/^[0-9a-f]{12}$/)
    }
  })

  it('a wrong key fails clearly, marks the account and notifies the admin', async () => {
    const r = await admin.post('/api/hosting/providers/bad-virtua/configure', { type: 'virtua', api_key: 'wrong-key-1234', extra: { base_url: sandboxBaseUrl(sandboxUrl(), 'virtua') } })
    expect(r.status).toBe(201)
    const t = await admin.post('/api/hosting/providers/bad-virtua/test')
    expect(t.status).toBe(502)
    expect(t.body).toMatchObject({ code: 'provider_auth', provider: expect.stringMatching(/virtua/i) })
    expect(t.body.error).toMatch(/virtua/i)
    expect(t.body.error).not.toContain('wrong-key-1234')
    const list = await admin.get('/api/hosting/providers')
    expect(list.body.find((a: any) => a.name === 'bad-virtua')).toMatchObject({ connected: false, last_test: { ok: false } })
    const notes = await admin.get('/api/notifications')
    expect(notes.body.items.some((n: any) => n.title.includes('Connection test failed') && n.level === 'error')).toBe(true)
    expect(notes.body.unread).toBeGreaterThan(0)
    expect((await admin.del('/api/hosting/providers/bad-virtua')).body).toEqual({ status: 'deleted' })
    expect((await admin.post('/api/hosting/providers/bad-virtua/test')).status).toBe(404)
  })

  it('names the cause for a closed port, an HTML page and a timeout', async () => {
    await admin.post('/api/hosting/providers/closed-port/configure', { type: 'hostinger', api_key: SANDBOX_CREDENTIALS.hostinger.api_key, extra: { base_url: `http://127.0.0.1:${await closedPort()}` } })
    const closed = await admin.post('/api/hosting/providers/closed-port/test')
    expect(closed.status).toBe(502)
    expect(closed.body.error).toMatch(/Hostinger could not be reached .*connection refused/)

    // Targeted: background jobs (inventory sync) call the same simulators meanwhile.
    // Inferno's test goes through `orders` (the balance is only extra). A background sync may
    // take one of these; the rest are cleared after.
    await sandboxAdmin('/faults', 'POST', { provider: 'inferno', html: true, count: 3, match: 'action=orders' })
    const html = await admin.post('/api/hosting/providers/inferno/test')
    await sandboxAdmin('/faults?provider=inferno', 'DELETE')
    expect(html.status).toBe(502)
    expect(html.body).toMatchObject({ code: 'bad_response' })
    expect(html.body.error).toMatch(/Inferno answered with an HTML page/)

    await sandboxAdmin('/faults', 'POST', { provider: 'virtua', hang: true, count: 4, match: '/account', method: 'GET' })
    const slow = await admin.post('/api/hosting/providers/virtua/test')
    expect(slow.status).toBe(504)
    expect(slow.body.error).toMatch(/did not answer within/)
    await sandboxAdmin('/faults?provider=virtua', 'DELETE')
    expect((await admin.post('/api/hosting/providers/virtua/test')).status).toBe(200)
    await admin.del('/api/hosting/providers/closed-port')
  })

  it('validates configure bodies', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['/api/hosting/providers/Bad_Slug/configure', { type: 'virtua', api_key: 'k' }, /lowercase/],
      ['/api/hosting/providers/my-panel/configure', { api_key: 'k' }, /type/],
      ['/api/hosting/providers/panel2/configure', { type: 'virtfusion', api_key: 'k' }, /API base URL/],
      ['/api/hosting/providers/panel3/configure', { type: 'virtfusion', api_key: 'k', extra: { base_url: 'not a url' } }, /URL/],
      ['/api/hosting/providers/panel4/configure', { type: 'nope', api_key: 'k' }, /type/],
      ['/api/hosting/providers/panel5/configure', { type: 'virtua', api_key: 'k', surprise: 1 }, /surprise|Unrecognized/i],
      ['/api/hosting/providers/virtua/configure', { type: 'hostinger', api_key: 'k' }, /cannot change|virtua/],
    ]
    for (const [path, body, re] of cases) {
      const r = await admin.post(path, body)
      expect(r.status, path).toBeGreaterThanOrEqual(400)
      expect(r.status, path).toBeLessThan(500)
      expect(r.body.error, path).toMatch(re)
    }
    expect((await admin.post('/api/hosting/providers/nope/test')).status).toBe(404)
  })

  it('names every missing field at once, each with its path', async () => {
    const r = await admin.post('/api/hosting/providers/inferno-empty/configure', { type: 'inferno' })
    expect(r.status).toBe(400)
    expect(r.body.code).toBe('missing_fields')
    expect(r.body.error).toBe('Inferno needs: API key, Client ID (cid)')
    expect(r.body.details.issues.map((i: { path: string }) => i.path)).toEqual(['api_key', 'extra.cid'])
  })

  it('keeps a stored key when an edit leaves it out, and allows two accounts of one type', async () => {
    const base = sandboxBaseUrl(sandboxUrl(), 'virtfusion')
    const r = await admin.post('/api/hosting/providers/vf-second/configure', { type: 'virtfusion', api_key: SANDBOX_CREDENTIALS.virtfusion.api_key, extra: { base_url: base, user_id: '1' } })
    expect(r.status).toBe(201)
    const edit = await admin.post('/api/hosting/providers/vf-second/configure', { display_name: 'Second panel', extra: { hypervisor_id: '2' } })
    expect(edit.status).toBe(200)
    expect(edit.body.provider).toMatchObject({ display_name: 'Second panel', settings: { base_url: base, hypervisor_id: '2' } })
    expect((await admin.post('/api/hosting/providers/vf-second/test')).status).toBe(200)
    await admin.del('/api/hosting/providers/vf-second')
  })

  it('runs background work on pg-boss over the same database', async () => {
    const r = await admin.get('/api/_test/jobs')
    expect(r.status).toBe(200)
    expect(r.body.queues).toContain('notifications.prune')
  })

  it('logs no secret', () => {
    const log = readFileSync(inject('appLog'), 'utf8')
    for (const type of TYPES) expect(log).not.toContain(SANDBOX_CREDENTIALS[type].api_key)
    expect(log).not.toContain('wrong-key-1234')
  })
})
