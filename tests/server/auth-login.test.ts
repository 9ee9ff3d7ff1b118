/**
 * What a sign-in answers and records (last_login_at), and the session cookie over plain HTTP: the
 * suite's app runs without TRUST_PROXY, on http://127.0.0.1.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, baseUrl, Client, adminClient } from './helpers'

let admin: Client
const stamp = async (email: string) => ((await admin.get(`/api/users?q=${encodeURIComponent(email)}`)).body as any[]).find(u => u.email === email)?.last_login_at ?? null

async function newCustomer() {
  const user = { email: `login-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`, name: 'Lena Login', password: 'lena-password-123', role: 'customer' }
  const r = await admin.post('/api/users', user)
  expect(r.status).toBe(201)
  return { ...user, id: r.body.id as string }
}

beforeAll(async () => { admin = await adminClient() })

describe('last_login_at', () => {
  it('the login answer carries the time of this very login, and the user list shows the same', async () => {
    const u = await newCustomer()
    expect(await stamp(u.email)).toBeNull()
    const before = Date.now()
    const r = await new Client().post('/api/auth/login', { email: u.email, password: u.password })
    expect(r.status).toBe(200)
    expect(r.body.user.last_login_at).not.toBeNull()
    const at = Date.parse(r.body.user.last_login_at)
    // The database clock and ours may differ by a little; the stamp is of this login, not null or old.
    expect(Math.abs(at - before)).toBeLessThan(60_000)
    expect(await stamp(u.email)).toBe(r.body.user.last_login_at)
  })

  it('a refused login stamps nothing: neither a wrong password nor a disabled account', async () => {
    const u = await newCustomer()
    const first = await new Client().post('/api/auth/login', { email: u.email, password: u.password })
    const stamped = first.body.user.last_login_at
    expect(stamped).not.toBeNull()

    expect((await new Client().post('/api/auth/login', { email: u.email, password: 'wrong-password-1' })).status).toBe(401)
    expect(await stamp(u.email)).toBe(stamped)

    expect((await admin.patch(`/api/users/${u.id}`, { disabled: true })).status).toBe(200)
    const refused = await new Client().post('/api/auth/login', { email: u.email, password: u.password })
    expect(refused.status).toBe(403)
    expect(refused.body.code).toBe('account_disabled')
    expect(await stamp(u.email)).toBe(stamped)
  })
})

describe('session cookie over plain HTTP', () => {
  const login = (headers: Record<string, string> = {}) => fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  })
  const sessionCookie = (res: Response) => res.headers.getSetCookie().find(c => c.startsWith('nuxt-session='))

  it('is not Secure when the request came over HTTP, so a browser on http://<lan address> keeps it', async () => {
    const res = await login()
    expect(res.status).toBe(200)
    const cookie = sessionCookie(res)
    expect(cookie).toBeDefined()
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).not.toMatch(/;\s*Secure/i)
    // …and it is a working session.
    const me = await fetch(`${baseUrl()}/api/auth/me`, { headers: { cookie: cookie!.split(';')[0]! } })
    expect(me.status).toBe(200)
  })

  it('ignores X-Forwarded-Proto without TRUST_PROXY: any client could send it', async () => {
    const cookie = sessionCookie(await login({ 'x-forwarded-proto': 'https' }))
    expect(cookie).toBeDefined()
    expect(cookie).not.toMatch(/;\s*Secure/i)
  })
})
