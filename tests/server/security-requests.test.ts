/**
 * Request hardening (issue 10, the request half): CSRF refusals for cookie writes, control
 * characters refused on every route, foreign-key conflicts as 409, security headers, a quiet
 * health check, and the audit log API.
 */
import { randomUUID } from 'node:crypto'
import { request } from 'node:http'
import { beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, Client, adminClient, baseUrl, customerClient, sandboxUrl } from './helpers'
import { configureSandboxAccounts } from './servers-helpers'
import { GOOD_MAPPINGS, createPlan } from './portal-helpers'
import { routeFiles } from './route-files'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../sandbox/credentials'

let admin: Client

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
}, 120_000)

/** A raw request with the admin's cookie, so each header is exactly what the test says. */
async function raw(method: string, path: string, init: { body?: string, headers?: Record<string, string> } = {}) {
  const res = await fetch(baseUrl() + path, { method, body: init.body, headers: { cookie: admin.cookie, accept: 'application/json', ...init.headers } })
  const text = await res.text()
  let body: any = text
  try { body = JSON.parse(text) }
  catch { /* keep text */ }
  return { status: res.status, body, headers: res.headers }
}

describe('CSRF: cookie-authenticated writes must come from our own pages', () => {
  const form = (email: string) => new URLSearchParams({ email, name: 'Eve', password: 'evil-password-123', role: 'admin' }).toString()
  const json = (email: string) => JSON.stringify({ email, name: 'Eve', password: 'evil-password-123', role: 'admin' })

  it('refuses a form-encoded POST /api/users even from our own origin', async () => {
    const email = `eve-form-${Date.now()}@example.com`
    const r = await raw('POST', '/api/users', { body: form(email), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl() } })
    expect(r.status).toBe(403)
    expect(r.body.code).toBe('csrf')
    expect((await admin.get('/api/users')).body.map((u: any) => u.email)).not.toContain(email)
  })

  it('refuses POST /api/users from a foreign origin, as a form or as JSON', async () => {
    const email = `eve-json-${Date.now()}@example.com`
    for (const [body, ct] of [[form(email), 'application/x-www-form-urlencoded'], [json(email), 'application/json'], [json(email), 'text/plain']]) {
      const r = await raw('POST', '/api/users', { body, headers: { 'content-type': ct!, origin: 'https://evil.example' } })
      expect(r.status, ct).toBe(403)
      expect(r.body).toMatchObject({ code: 'csrf', error: expect.any(String) })
    }
    expect((await admin.get('/api/users')).body.map((u: any) => u.email)).not.toContain(email)
  })

  it('refuses POST /api/tokens by form, from a foreign origin, cross-site, or with a cookie and no origin', async () => {
    const before = (await admin.get('/api/tokens')).body.length
    const attempts: Record<string, string>[] = [
      { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl() },
      { 'content-type': 'application/json', origin: 'https://evil.example' },
      { 'content-type': 'application/json', origin: 'null' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      { 'content-type': 'application/json' },
    ]
    for (const headers of attempts) {
      const body = headers['content-type'].includes('json') ? JSON.stringify({ name: 'forged' }) : 'name=forged'
      const r = await raw('POST', '/api/tokens', { body, headers })
      expect(r.status, JSON.stringify(headers)).toBe(403)
      expect(r.body.code).toBe('csrf')
    }
    // DELETE without a body still needs the origin.
    const t = await admin.post('/api/tokens', { name: 'keep me' })
    expect(t.status).toBe(201)
    expect((await raw('DELETE', `/api/tokens/${t.body.id}`, { headers: { origin: 'https://evil.example' } })).status).toBe(403)
    expect((await admin.get('/api/tokens')).body.length).toBe(before + 1)
  })

  it('lets same-origin JSON through (Origin, or Sec-Fetch-Site without one)', async () => {
    const a = await raw('POST', '/api/tokens', { body: JSON.stringify({ name: 'via origin' }), headers: { 'content-type': 'application/json', origin: baseUrl() } })
    expect(a.status).toBe(201)
    const b = await raw('POST', '/api/tokens', { body: JSON.stringify({ name: 'via fetch metadata' }), headers: { 'content-type': 'application/json; charset=utf-8', 'sec-fetch-site': 'same-origin' } })
    expect(b.status).toBe(201)
  })

  it('compares the origin with the Host the request came in on (as behind a proxy)', async () => {
    // fetch will not send another Host, so plain node:http does, as a proxy in front would.
    const post = (headers: Record<string, string>) => new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ name: 'proxied' })
      const req = request(`${baseUrl()}/api/tokens`, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
        res.resume()
        resolve(res.statusCode!)
      })
      req.on('error', reject)
      req.end(body)
    })
    expect(await post({ host: 'panel.example.com', origin: 'https://panel.example.com' })).toBe(201)
    expect(await post({ host: 'panel.example.com', origin: baseUrl() })).toBe(403)
  })

  it('exempts Bearer-token requests: a script needs no Origin', async () => {
    const t = await admin.post('/api/tokens', { name: 'script' })
    const res = await fetch(`${baseUrl()}/api/tokens`, { method: 'POST', headers: { authorization: `Bearer ${t.body.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'made by a script' }) })
    expect(res.status).toBe(201)
  })

  it('refuses a form post to sign-in or setup (no session yet)', async () => {
    const login = await fetch(`${baseUrl()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: ADMIN.email, password: ADMIN.password }).toString() })
    expect(login.status).toBe(403)
    expect(login.headers.getSetCookie()).toEqual([])
    const foreign = await fetch(`${baseUrl()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }) })
    expect(foreign.status).toBe(403)
    const setup = await fetch(`${baseUrl()}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=x@example.com' })
    expect(setup.status).toBe(403)
    // A script signing in with JSON and no Origin (no cookie to abuse) still works.
    const script = await fetch(`${baseUrl()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }) })
    expect(script.status).toBe(200)
  })
})

describe('control characters are refused with 400 on every route', () => {
  /** Valid-looking values for each path parameter, so only the NUL is wrong. */
  const SAMPLE: Record<string, string> = { provider: 'virtfusion', domain: 'example.org', action: 'start', id: randomUUID() }
  const fill = (template: string, nulIn?: string) => template.replace(/\[([^\]]+)\]/g, (_, name: string) =>
    name === nulIn ? 'a%00b' : encodeURIComponent(SAMPLE[name] ?? 'x'))

  it('walks server/api: NUL in the path, the query and the body', async () => {
    const routes = routeFiles()
    expect(routes.length).toBeGreaterThan(90)
    const problems: string[] = []
    const check = (what: string, r: { status: number, body: any }) => {
      if (r.status !== 400 || r.body?.code !== 'invalid_input') problems.push(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 140)}`)
    }
    for (const route of routes) {
      const key = `${route.method} ${route.template}`
      const params = [...route.template.matchAll(/\[([^\]]+)\]/g)].map(m => m[1]!)
      const body = route.method === 'GET' ? undefined : {}
      // Path: each parameter in turn, or a last segment for a route without any.
      const paths = params.length ? params.map(p => fill(route.template, p)) : [`${route.template}%00`]
      for (const p of paths) check(`${key} path ${p}`, await admin.req(route.method, p, body))
      check(`${key} query`, await admin.req(route.method, `${fill(route.template)}?q=a%00b&name=%01`, body))
      if (route.method !== 'GET') {
        check(`${key} body`, await admin.req(route.method, fill(route.template), { name: 'a\u0000b', description: 'ok', reason: 'x\u0007', nested: { list: ['fine', 'bad\u0000'] } }))
      }
    }
    expect(problems, problems.join('\n')).toEqual([])
  })

  it('refuses them before sign-in too, and in keys', async () => {
    const anon = new Client()
    const login = await anon.post('/api/auth/login', { email: 'a\u0000b@x.test', password: 'whatever-123' })
    expect(login.status).toBe(400)
    expect((await anon.get('/api/hosting/providers/%00/vms')).status).toBe(400)
    expect((await anon.get('/api/servers?q=%00')).status).toBe(400)
    expect((await admin.post('/api/tokens', { ['na\u0000me']: 'x' })).status).toBe(400)
  })

  it('keeps line breaks and tabs in a body (multi-line text) but not in a query', async () => {
    const t = await admin.post('/api/tokens', { name: 'tab\there' })
    expect(t.status).not.toBe(400)
    expect((await admin.get('/api/servers?q=a%0Ab')).status).toBe(400)
  })
})

describe('a foreign-key conflict is a 409 that says what still uses the thing', () => {
  it('refuses to delete a provider account that plans use', async () => {
    const slug = `fk-${Date.now().toString(36)}`
    const creds = SANDBOX_CREDENTIALS.virtua
    const c = await admin.post(`/api/hosting/providers/${slug}/configure`, { type: 'virtua', api_key: creds.api_key, extra: { ...creds.extra, base_url: sandboxBaseUrl(sandboxUrl(), 'virtua') } })
    expect(c.status, JSON.stringify(c.body)).toBe(201)
    const plan = await admin.post('/api/plans', { name: `fk plan ${slug}`, description: 'uses the account', price_text: '€1', account: slug, mapping: { ...GOOD_MAPPINGS.virtua } })
    expect(plan.status, JSON.stringify(plan.body)).toBe(201)
    const r = await admin.del(`/api/hosting/providers/${slug}`)
    expect(r.status).toBe(409)
    expect(r.body.code).toBe('in_use')
    expect(r.body.error).toMatch(/plan/i)
    expect(r.body.error).toContain(`fk plan ${slug}`)
    expect((await admin.get(`/api/hosting/providers/${slug}`)).status).toBe(200)
  })
})

describe('security headers', () => {
  it('a page carries a CSP with nonces and no eval, framing refused, nosniff, a referrer policy and no x-powered-by', async () => {
    const res = await fetch(`${baseUrl()}/login`)
    expect(res.status).toBe(200)
    const html = await res.text()
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain('frame-ancestors \'none\'')
    expect(csp).not.toContain('unsafe-eval')
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
    expect(nonce).toBeTruthy()
    // Every script tag Nuxt renders carries it, or the browser would not run the app.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(m => m[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`)
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('x-powered-by')).toBeNull()
    // Served over plain HTTP: no HSTS.
    expect(res.headers.get('strict-transport-security')).toBeNull()
  })

  it('an API answer carries them too, and HSTS only over HTTPS', async () => {
    const res = await fetch(`${baseUrl()}/api/setup/status`)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('content-security-policy')).toContain('default-src \'none\'')
    expect(res.headers.get('x-powered-by')).toBeNull()
    expect(res.headers.get('strict-transport-security')).toBeNull()
    const https = await fetch(`${baseUrl()}/api/setup/status`, { headers: { 'x-forwarded-proto': 'https' } })
    expect(https.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    // An error answer too.
    const err = await fetch(`${baseUrl()}/api/users`)
    expect(err.status).toBe(401)
    expect(err.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('GET /api/health', () => {
  it('tells anonymous callers only that it is up', async () => {
    const r = await new Client().get('/api/health')
    expect(r.status).toBe(200)
    expect(r.body).toEqual({ ok: true })
  })
  it('tells administrators which database runs', async () => {
    expect((await admin.get('/api/health')).body.database).toMatch(/^(pglite|postgres)$/)
  })
})

describe('audit log', () => {
  it('records a failed and a successful sign-in with IP and user agent; filters work; customers get 403', async () => {
    const { client: customer, user, password } = await customerClient(admin, 'Audra Audited')
    const ua = `audit-test/${Date.now()}`
    const bad = await new Client().req('POST', '/api/auth/login', { email: user.email, password: 'not-the-password' }, { 'user-agent': ua })
    expect(bad.status).toBe(401)
    const signedIn = new Client()
    expect((await signedIn.req('POST', '/api/auth/login', { email: user.email, password }, { 'user-agent': ua })).status).toBe(200)
    expect((await signedIn.post('/api/auth/logout')).status).toBe(200)

    const all = await admin.get(`/api/audit?action=auth&target=${encodeURIComponent(user.email)}`)
    expect(all.status).toBe(200)
    const mine = all.body.items.filter((e: any) => e.user_agent === ua)
    const failed = mine.find((e: any) => e.action === 'auth.login' && e.result === 'failure')
    const ok = mine.find((e: any) => e.action === 'auth.login' && e.result === 'success')
    expect(failed).toMatchObject({ target: user.email, ip: expect.stringMatching(/\d/), actor: null })
    expect(ok).toMatchObject({ target: user.email, ip: expect.stringMatching(/\d/), actor: { id: user.id, email: user.email } })
    expect(all.body.items.some((e: any) => e.action === 'auth.logout' && e.actor?.id === user.id)).toBe(true)

    const onlyFailed = await admin.get(`/api/audit?result=failure&target=${encodeURIComponent(user.email)}`)
    expect(onlyFailed.body.items.length).toBeGreaterThan(0)
    expect(onlyFailed.body.items.every((e: any) => e.result === 'failure')).toBe(true)
    const byActor = await admin.get(`/api/audit?actor=${encodeURIComponent(user.email)}&action=auth.login`)
    expect(byActor.body.items.length).toBeGreaterThan(0)
    expect(byActor.body.items.every((e: any) => e.actor?.id === user.id && e.action === 'auth.login')).toBe(true)
    const paged = await admin.get(`/api/audit?target=${encodeURIComponent(user.email)}&page_size=1&page=2`)
    expect(paged.body).toMatchObject({ page: 2, page_size: 1 })
    expect(paged.body.items).toHaveLength(1)
    expect(paged.body.total).toBeGreaterThanOrEqual(3)
    expect((await admin.get(`/api/audit?target=${encodeURIComponent(user.email)}&from=2999-01-01`)).body.items).toEqual([])
    expect((await admin.get(`/api/audit?target=${encodeURIComponent(user.email)}&to=2000-01-01`)).body.items).toEqual([])
    expect((await admin.get('/api/audit?from=yesterday-ish')).status).toBe(400)

    expect((await customer.get('/api/audit')).status).toBe(403)
    expect((await new Client().get('/api/audit')).status).toBe(401)
  })

  it('does not record a change that changes nothing', async () => {
    const count = async () => (await admin.get('/api/audit?action=provider.&target=virtua')).body.total
    const before = await count()
    const r = await admin.post('/api/hosting/providers/virtua/configure', {})
    expect(r.status).toBe(200)
    expect(await count()).toBe(before)
    // A real change still is.
    expect((await admin.post('/api/hosting/providers/virtua/configure', { display_name: `Virtua ${Date.now()}` })).status).toBe(200)
    expect(await count()).toBe(before + 1)
  })

  it('records only real changes to users and plans', async () => {
    const { user } = await customerClient(admin, 'Nora Noop')
    const userEntries = async () => (await admin.get(`/api/audit?action=user.updated&target=${encodeURIComponent(user.email)}`)).body.items
    expect((await admin.patch(`/api/users/${user.id}`, { name: 'Nora Noop', role: 'customer' })).status).toBe(200)
    expect(await userEntries()).toEqual([])
    expect((await admin.patch(`/api/users/${user.id}`, { name: 'Nora Changed', role: 'customer' })).status).toBe(200)
    expect((await userEntries()).map((e: any) => e.details.fields)).toEqual([['name']])

    const plan = await createPlan(admin, 'virtfusion')
    const planEntries = async () => (await admin.get(`/api/audit?action=plan.&target=${plan.id}`)).body.items
    const created = (await planEntries()).length
    expect((await admin.patch(`/api/plans/${plan.id}`, { name: plan.name, description: plan.description })).status).toBe(200)
    expect((await planEntries()).length).toBe(created)
    expect((await admin.patch(`/api/plans/${plan.id}`, { retired: true })).status).toBe(200)
    expect((await admin.patch(`/api/plans/${plan.id}`, { retired: true })).status).toBe(200)
    const entries = await planEntries()
    expect(entries.length).toBe(created + 1)
    expect(entries[0]).toMatchObject({ action: 'plan.retired', details: { fields: ['retired'] } })
  })
})
