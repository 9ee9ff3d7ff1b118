/** "Sign in as" a customer: who may, what the session is, what it may not change, and the way back. */
import { beforeAll, describe, expect, it } from 'vitest'
import { Client, adminClient, customerClient } from './helpers'

let admin: Client
beforeAll(async () => { admin = await adminClient() })

const auditOf = async (action: string, target: string) =>
  (await admin.get(`/api/audit?action=${encodeURIComponent(action)}&target=${encodeURIComponent(target)}`)).body.items as any[]

describe('sign in as a customer', () => {
  it('an admin sees what the customer sees, bannered, and one call brings the admin back', async () => {
    const { user: cust } = await customerClient(admin, 'Ida Impersonated')
    const browser = await adminClient()
    const adminId = (await browser.get('/api/auth/me')).body.user.id
    const r = await browser.post(`/api/users/${cust.id}/impersonate`)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.user.id).toBe(cust.id)

    const me = (await browser.get('/api/auth/me')).body.user
    expect(me).toMatchObject({ id: cust.id, role: 'customer', impersonator: { id: adminId, email: 'admin@example.com' } })
    expect((await browser.get('/api/_auth/session')).body.impersonator.id).toBe(adminId)
    // The customer's view: admin routes refuse, their own lists answer.
    expect((await browser.get('/api/users')).status).toBe(403)
    expect((await browser.get('/api/servers')).status).toBe(200)
    // What is done meanwhile is logged as the customer's, naming the admin.
    expect((await browser.patch('/api/auth/me', { locale: 'ru' })).status).toBe(200)
    const started = await auditOf('user.impersonation_started', cust.email)
    expect(started[0]).toMatchObject({ actor: { id: adminId }, details: { customer_id: cust.id } })

    const kept = browser.cookie
    const end = await browser.post('/api/auth/impersonation/end')
    expect(end.status).toBe(200)
    expect(end.body.restored).toBe(true)
    expect((await browser.get('/api/auth/me')).body.user).toMatchObject({ id: adminId, role: 'admin', impersonator: null })
    expect((await auditOf('user.impersonation_ended', cust.email))[0]).toMatchObject({ actor: { id: adminId } })
    // The customer session's cookie is dead once ended, even if someone kept it.
    const stale = new Client()
    stale.cookie = kept
    expect((await stale.get('/api/auth/me')).status).toBe(401)
  })

  it('cannot change the customer\'s credentials or tokens while signed in as them', async () => {
    const { user: cust } = await customerClient(admin, 'Carl Credentials')
    const browser = await adminClient()
    expect((await browser.post(`/api/users/${cust.id}/impersonate`)).status).toBe(200)
    for (const [method, path, body] of [
      ['POST', '/api/auth/password', { current_password: 'customer-pass-123', new_password: 'another-long-passphrase' }],
      ['POST', '/api/auth/totp/setup', {}],
      ['POST', '/api/tokens', { name: 'backdoor', scope: 'write' }],
      ['POST', '/api/auth/reauth', { password: 'customer-pass-123' }],
    ] as const) {
      const r = await browser.req(method, path, body)
      expect(r.status, `${method} ${path}`).toBe(403)
      expect(r.body.code).toBe('impersonation_forbidden')
    }
    // Nesting is refused too: the session is the customer's now.
    expect((await browser.post(`/api/users/${cust.id}/impersonate`)).status).toBe(403)
    expect((await browser.post('/api/auth/impersonation/end')).body.restored).toBe(true)
  })

  it('only admins, only customers, only browsers, only with a recent password', async () => {
    const { client: customer, user: cust } = await customerClient(admin, 'Nora Nobody')
    const other = await customerClient(admin, 'Otto Other')
    expect((await customer.post(`/api/users/${other.user.id}/impersonate`)).status).toBe(403)

    const adminId = (await admin.get('/api/auth/me')).body.user.id
    expect((await admin.post(`/api/users/${adminId}/impersonate`)).body.code).toBe('impersonation_not_customer')
    expect((await admin.post('/api/users/not-a-uuid/impersonate')).status).toBe(400)
    expect((await admin.post('/api/users/00000000-0000-4000-8000-000000000000/impersonate')).status).toBe(404)

    const token = (await admin.post('/api/tokens', { name: 'imp', scope: 'write' })).body.token
    const script = new Client(token)
    expect((await script.post(`/api/users/${cust.id}/impersonate`)).body.code).toBe('impersonation_needs_session')

    const disabled = await customerClient(admin, 'Dora Disabled')
    expect((await admin.patch(`/api/users/${disabled.user.id}`, { disabled: true })).status).toBe(200)
    expect((await admin.post(`/api/users/${disabled.user.id}/impersonate`)).body.code).toBe('impersonation_disabled_user')

    const stale = await adminClient()
    expect((await stale.post('/api/_test/session-reauth-age', { seconds: 3600 })).status).toBeLessThan(300)
    expect((await stale.post(`/api/users/${cust.id}/impersonate`)).body.code).toBe('reauth_required')
  })

  it('ends when the admin who started it is disabled', async () => {
    const { user: cust } = await customerClient(admin, 'Eva Ended')
    const second = { email: `admin2-${Date.now()}@example.com`, name: 'Second Admin', password: 'second-admin-pass-1' }
    const made = await admin.post('/api/users', { ...second, role: 'admin' })
    expect(made.status).toBe(201)
    const browser = new Client()
    expect((await browser.post('/api/auth/login', { email: second.email, password: second.password })).status).toBe(200)
    expect((await browser.post(`/api/users/${cust.id}/impersonate`)).status).toBe(200)
    expect((await browser.get('/api/auth/me')).body.user.id).toBe(cust.id)
    expect((await admin.patch(`/api/users/${made.body.id}`, { disabled: true })).status).toBe(200)
    await expect.poll(async () => (await browser.get('/api/auth/me')).status, { timeout: 5000 }).toBe(401)
  })
})
