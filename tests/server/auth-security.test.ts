/**
 * Issue 10, authentication half: server-side sessions and their revocation, login throttling,
 * password strength, TOTP 2FA with recovery codes, re-authentication for secrets, token scopes.
 */
import { generate } from 'otplib'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../sandbox/credentials'
import { ADMIN, Client, adminClient, customerClient, sandboxUrl } from './helpers'

let admin: Client
beforeAll(async () => { admin = await adminClient() })

let n = 0
const uniqueEmail = (what: string) => `${what}-${Date.now()}-${n++}@example.com`
const PASSWORD = 'a-quiet-lighthouse-47'

/** A copy of a client's cookie, as someone who kept it would hold. */
function copyOf(c: Client) {
  const k = new Client()
  k.cookie = c.cookie
  return k
}

async function signIn(email: string, password: string, code?: string) {
  const c = new Client()
  const r = await c.post('/api/auth/login', { email, password, ...(code ? { code } : {}) })
  return { c, r }
}

/** A code from the next 30 s step: each step's code is accepted once, so after one use wait for a new one. */
async function codeAfter(secret: string, used: string) {
  return vi.waitFor(async () => {
    const code = await generate({ secret })
    if (code === used) throw new Error('still the same time step')
    return code
  }, { timeout: 40_000, interval: 500 })
}

async function newUser(role: 'admin' | 'customer' = 'customer') {
  const email = uniqueEmail(role)
  const created = await admin.post('/api/users', { email, name: `Test ${role}`, password: PASSWORD, role })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const { c, r } = await signIn(email, PASSWORD)
  expect(r.status).toBe(200)
  return { email, user: created.body, client: c }
}

describe('server-side sessions', () => {
  it('logout kills the cookie, also a kept copy of it', async () => {
    const { client } = await newUser()
    const kept = copyOf(client)
    expect((await kept.get('/api/auth/me')).status).toBe(200)
    expect((await client.post('/api/auth/logout')).status).toBe(200)
    expect((await kept.get('/api/auth/me')).status).toBe(401)
    expect((await kept.post('/api/tokens', { name: 'after logout' })).status).toBe(401)
    // The browser's session endpoint no longer names a user either.
    expect((await kept.get('/api/_auth/session')).body.user).toBeUndefined()
  })

  it('the sealed cookie carries no user data, and the session endpoint does not reveal the id', async () => {
    const { client, email } = await newUser()
    const session = (await client.get('/api/_auth/session')).body
    expect(session.user).toMatchObject({ email, role: 'customer', totp_enabled: false })
    expect(JSON.stringify(session)).not.toMatch(/sid/)
    const listed = (await client.get('/api/sessions')).body
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({ current: true, ip: expect.any(String) })
    expect(JSON.stringify(session)).not.toContain(listed[0].id)
  })

  it('an admin password reset ends the user\'s cookies and API tokens', async () => {
    const { client, user } = await newUser()
    const token = (await client.post('/api/tokens', { name: 'ci' })).body.token
    const bot = new Client(token)
    expect((await bot.get('/api/auth/me')).status).toBe(200)
    expect((await admin.patch(`/api/users/${user.id}`, { password: 'another-quiet-lighthouse-48' })).status).toBe(200)
    expect((await client.get('/api/auth/me')).status).toBe(401)
    expect((await bot.get('/api/auth/me')).status).toBe(401)
  })

  it('changing one\'s own password ends the other sessions and the tokens, not this one', async () => {
    const { client, email } = await newUser()
    const { c: other } = await signIn(email, PASSWORD)
    const token = (await client.post('/api/tokens', { name: 'ci' })).body.token
    const weak = await client.post('/api/auth/password', { current_password: PASSWORD, new_password: 'password1234' })
    expect(weak.status).toBe(400)
    expect(weak.body.error).toMatch(/too easy to guess/)
    const r = await client.post('/api/auth/password', { current_password: PASSWORD, new_password: 'a-brand-new-lighthouse-49' })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect((await client.get('/api/auth/me')).status).toBe(200)
    expect((await other.get('/api/auth/me')).status).toBe(401)
    expect((await new Client(token).get('/api/auth/me')).status).toBe(401)
    expect((await signIn(email, 'a-brand-new-lighthouse-49')).r.status).toBe(200)
  })

  it('disabling ends cookies and tokens, and re-enabling does not revive them', async () => {
    const { client, user, email } = await newUser()
    const token = (await client.post('/api/tokens', { name: 'ci' })).body.token
    expect((await admin.patch(`/api/users/${user.id}`, { disabled: true })).status).toBe(200)
    expect((await client.get('/api/auth/me')).status).toBe(401)
    expect((await new Client(token).get('/api/auth/me')).status).toBe(401)
    const refused = await signIn(email, PASSWORD)
    expect(refused.r.status).toBe(403)
    expect((await admin.patch(`/api/users/${user.id}`, { disabled: false })).status).toBe(200)
    expect((await client.get('/api/auth/me')).status).toBe(401)
    expect((await new Client(token).get('/api/auth/me')).status).toBe(401)
    expect((await signIn(email, PASSWORD)).r.status).toBe(200)
  })

  it('a role change ends the sessions', async () => {
    const { client, user } = await newUser()
    expect((await admin.patch(`/api/users/${user.id}`, { role: 'admin' })).status).toBe(200)
    expect((await client.get('/api/auth/me')).status).toBe(401)
  })

  it('lists sessions, revokes one, and signs out everywhere', async () => {
    const { client, email } = await newUser()
    const { c: laptop } = await signIn(email, PASSWORD)
    const { c: phone } = await signIn(email, PASSWORD)
    const list = (await client.get('/api/sessions')).body
    expect(list).toHaveLength(3)
    const laptopId = (await laptop.get('/api/sessions')).body.find((s: any) => s.current).id
    expect((await client.del(`/api/sessions/${laptopId}`)).status).toBe(200)
    expect((await laptop.get('/api/auth/me')).status).toBe(401)
    expect((await phone.get('/api/auth/me')).status).toBe(200)
    expect((await client.post('/api/sessions/revoke-all')).body).toMatchObject({ status: 'revoked', count: 2 })
    expect((await phone.get('/api/auth/me')).status).toBe(401)
    expect((await client.get('/api/auth/me')).status).toBe(401)
  })

  it('the login answer carries this login\'s time; a refused login does not stamp it', async () => {
    const { email, user } = await newUser()
    const before = Date.now()
    const { r } = await signIn(email, PASSWORD)
    expect(new Date(r.body.user.last_login_at).getTime()).toBeGreaterThanOrEqual(before - 1000)
    const stamped = r.body.user.last_login_at
    expect((await signIn(email, 'wrong-password-here')).r.status).toBe(401)
    await admin.patch(`/api/users/${user.id}`, { disabled: true })
    expect((await signIn(email, PASSWORD)).r.status).toBe(403)
    const listed = (await admin.get(`/api/users?q=${encodeURIComponent(email)}`)).body[0]
    expect(listed.last_login_at).toBe(stamped)
  })
})

describe('login throttling', () => {
  it('answers 429 with Retry-After on the 6th failure in a row, the same for an unknown account', async () => {
    const { email } = await newUser()
    const ghost = uniqueEmail('ghost')
    const answers: Record<string, any[]> = { real: [], ghost: [] }
    for (let i = 0; i < 6; i++) {
      answers.real!.push(await new Client().post('/api/auth/login', { email, password: `wrong-${i}-password` }))
      answers.ghost!.push(await new Client().post('/api/auth/login', { email: ghost, password: `wrong-${i}-password` }))
    }
    for (const who of ['real', 'ghost']) {
      expect(answers[who]!.slice(0, 5).map(a => a.status), who).toEqual([401, 401, 401, 401, 401])
      const sixth = answers[who]![5]
      expect(sixth.status, who).toBe(429)
      expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(Number(sixth.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60)
    }
    expect(answers.real![5].body).toEqual(answers.ghost![5].body)
    expect(answers.real![5].body.code).toBe('too_many_attempts')
    // Even the right password waits now.
    expect((await signIn(email, PASSWORD)).r.status).toBe(429)
  })
})

describe('passwords', () => {
  it('refuses short or guessable passwords with the reason', async () => {
    for (const [password, why] of [['aaaaaaaaaa', /at least 12/], ['password1234', /too easy to guess/], ['            ', /too easy to guess|repeated/i]] as const) {
      const r = await admin.post('/api/users', { email: uniqueEmail('weak'), name: 'Weak', password })
      expect(r.status, password).toBe(400)
      expect(r.body.error, password).toMatch(why)
    }
    const { user } = await newUser()
    const edit = await admin.patch(`/api/users/${user.id}`, { password: 'password12' })
    expect(edit.status).toBe(400)
    expect(edit.body.error).toMatch(/at least 12/)
  })
})

describe('TOTP two-factor sign-in', () => {
  it('enables with a code, then sign-in needs a code or a one-time recovery code', { timeout: 90_000 }, async () => {
    const { client, email } = await newUser()
    const setup = await client.post('/api/auth/totp/setup')
    expect(setup.status).toBe(200)
    expect(setup.body.otpauth_url).toMatch(/^otpauth:\/\/totp\//)
    const secret: string = setup.body.secret
    expect((await client.post('/api/auth/totp/enable', { code: '000000' })).status).toBe(400)
    const first = await generate({ secret })
    const enabled = await client.post('/api/auth/totp/enable', { code: first })
    expect(enabled.status, JSON.stringify(enabled.body)).toBe(200)
    const codes: string[] = enabled.body.recovery_codes
    expect(codes).toHaveLength(10)
    expect((await client.post('/api/auth/totp/setup')).status).toBe(409)

    const noCode = await signIn(email, PASSWORD)
    expect(noCode.r.status).toBe(401)
    expect(noCode.r.body.code).toBe('totp_required')
    expect(noCode.c.cookie).toBe('')
    const code = await codeAfter(secret, first)
    const withCode = await signIn(email, PASSWORD, code)
    expect(withCode.r.status).toBe(200)
    // A code is accepted once: a replay within its 30 seconds is refused.
    const replay = await signIn(email, PASSWORD, code)
    expect(replay.r.status).toBe(401)
    expect(replay.r.body.code).toBe('invalid_totp_code')
    expect((await withCode.c.get('/api/auth/me')).body.user.totp_enabled).toBe(true)
    expect((await signIn(email, PASSWORD, codes[0])).r.status).toBe(200)
    const again = await signIn(email, PASSWORD, codes[0])
    expect(again.r.status).toBe(401)
    expect(again.r.body.code).toBe('invalid_totp_code')
    expect((await signIn(email, 'wrong-password-here', code)).r.status).toBe(401)

    // Turning it off needs the password and a code.
    expect((await client.post('/api/auth/totp/disable', { password: PASSWORD, code: '000000' })).status).toBe(400)
    expect((await client.post('/api/auth/totp/disable', { password: PASSWORD, code: codes[1] })).status).toBe(200)
    expect((await signIn(email, PASSWORD)).r.status).toBe(200)
  })

  it('admins can require 2FA for every admin; one without it can only set it up', async () => {
    expect((await admin.patch('/api/admin/settings', { require_admin_2fa: true })).body.code).toBe('totp_required_first')
    const second = await newUser('admin')
    const secret = (await second.client.post('/api/auth/totp/setup')).body.secret
    expect((await second.client.post('/api/auth/totp/enable', { code: await generate({ secret }) })).status).toBe(200)
    const plain = await newUser('admin')
    try {
      expect((await second.client.patch('/api/admin/settings', { require_admin_2fa: true })).body).toEqual({ require_admin_2fa: true })
      // Our main admin has no 2FA either: from now on it may not even create users.
      expect((await admin.post('/api/users', { email: uniqueEmail('blocked'), name: 'Blocked', password: PASSWORD })).body.code).toBe('totp_setup_required')
      const blocked = await plain.client.get('/api/users')
      expect(blocked.status).toBe(403)
      expect(blocked.body.code).toBe('totp_setup_required')
      expect((await plain.client.get('/api/auth/me')).body.user.must_enroll_totp).toBe(true)
      expect((await plain.client.post('/api/auth/totp/setup')).status).toBe(200)
      expect((await second.client.get('/api/users')).status).toBe(200)
      // Customers are not affected.
      const { client: cust } = await customerClient(second.client)
      expect((await cust.get('/api/auth/me')).status).toBe(200)
    }
    finally {
      expect((await second.client.patch('/api/admin/settings', { require_admin_2fa: false })).status).toBe(200)
    }
    expect((await admin.get('/api/users')).status).toBe(200)
  })
})

describe('re-authentication for secrets', () => {
  it('answers 403 reauth_required until the password is confirmed again', async () => {
    const { c } = await signIn(ADMIN.email, ADMIN.password)
    expect((await c.post('/api/_test/session-reauth-age', { seconds: 7200 })).status).toBe(200)
    const creds = SANDBOX_CREDENTIALS.virtua
    const body = { type: 'virtua', api_key: creds.api_key, extra: { ...creds.extra, base_url: sandboxBaseUrl(sandboxUrl(), 'virtua') } }
    const slug = `reauth-${Date.now()}`
    const refused = await c.post(`/api/hosting/providers/${slug}/configure`, body)
    expect(refused.status).toBe(403)
    expect(refused.body.code).toBe('reauth_required')
    const reveal = await c.post(`/api/servers/${crypto.randomUUID()}/root-password`)
    expect(reveal.body.code).toBe('reauth_required')
    // Settings that are no secret still change without it.
    expect((await c.get('/api/hosting/providers')).status).toBe(200)

    expect((await c.post('/api/auth/reauth', { password: 'not-the-password' })).status).toBe(400)
    expect((await c.post('/api/auth/reauth', { password: ADMIN.password })).status).toBe(200)
    expect((await c.post(`/api/hosting/providers/${slug}/configure`, body)).status).toBe(201)
    expect((await c.post(`/api/servers/${crypto.randomUUID()}/root-password`)).status).toBe(404)
  })
})

describe('API token scopes and expiry', () => {
  it('read tokens get 403 on every non-GET; expired and revoked tokens 401', async () => {
    const read = await admin.post('/api/tokens', { name: 'reader', scope: 'read', expires_in_days: 30 })
    expect(read.status).toBe(201)
    expect(read.body).toMatchObject({ scope: 'read', expires_at: expect.any(String) })
    const reader = new Client(read.body.token)
    expect((await reader.get('/api/users')).status).toBe(200)
    for (const [m, p] of [['POST', '/api/tokens'], ['PATCH', `/api/users/${read.body.id}`], ['DELETE', `/api/tokens/${read.body.id}`], ['POST', '/api/auth/totp/setup']] as const) {
      const r = await reader.req(m, p, m === 'DELETE' ? undefined : { name: 'x' })
      expect(r.status, `${m} ${p}`).toBe(403)
      expect(r.body.code).toBe('insufficient_scope')
    }
    const write = await admin.post('/api/tokens', { name: 'writer', scope: 'write' })
    const writer = new Client(write.body.token)
    expect((await writer.post('/api/tokens', { name: 'from a token' })).status).toBe(201)
    // A write token passes the re-auth gate (404: no such server, not 403).
    expect((await writer.post(`/api/servers/${crypto.randomUUID()}/root-password`)).status).toBe(404)

    expect((await admin.post('/api/_test/token-expire', { id: read.body.id })).status).toBe(200)
    expect((await reader.get('/api/users')).status).toBe(401)
    expect((await admin.del(`/api/tokens/${write.body.id}`)).status).toBe(200)
    expect((await writer.get('/api/users')).status).toBe(401)
    const bad = await admin.post('/api/tokens', { name: 'x', scope: 'admin' })
    expect(bad.status).toBe(400)
  })
})
