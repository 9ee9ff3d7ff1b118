/**
 * Route scoping (after Convoy's RouteScopingTest): every API route a customer can call is
 * called by one customer with the ids of another customer's resources, and must refuse (403 or
 * 404). The routes are read from the files under server/api, so a new route fails this test
 * until it is covered here:
 *
 *  - a route with a resource in its path (`[id]`, `[domain]`, …) gets the victim's resource
 *    through RESOURCES and must answer 403 or 404;
 *  - a listing (GET without one) may answer, but must not mention anything of the victim's;
 *  - any other write (POST /api/orders, …) must answer 403, or have its own probe in SELF.
 *
 * A customer route that validates its body before checking access would answer 400 here: give
 * it a valid body in BODIES so the test reaches the access check.
 */
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, adminClient, customerClient } from './helpers'
import { configureSandboxAccounts } from './servers-helpers'
import { routeFiles as routes } from './route-files'
import { addKeychainKey, createPlan, order, uniqueHost, waitOrder } from './portal-helpers'

/** Not for signed-in customers to probe: sign-in itself, first-run setup, test-only routes. */
const OUT_OF_SCOPE = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/setup', 'GET /api/setup/status', 'GET /api/health'])

interface Victim {
  user: any
  order: any
  server: any
  key: any
  token: any
  notification: any
  session: any
  zone: string
  retiredPlan: any
  invoice: any
  payment: any
}

/** Where each kind of path resource comes from: the longest matching prefix wins. */
const RESOURCES: { prefix: string, values: (v: Victim) => Record<string, string> }[] = [
  { prefix: '/api/orders/[id]', values: v => ({ id: v.order.id }) },
  { prefix: '/api/invoices/[id]', values: v => ({ id: v.invoice.id }) },
  { prefix: '/api/payments/[id]', values: v => ({ id: v.payment.id }) },
  { prefix: '/api/servers/[id]', values: v => ({ id: v.server.id, action: 'start', backup: '1' }) },
  { prefix: '/api/admin/servers/[id]', values: v => ({ id: v.server.id }) },
  { prefix: '/api/admin/intents/[id]', values: () => ({ id: randomUUID() }) },
  { prefix: '/api/admin/webhooks/[id]', values: () => ({ id: randomUUID() }) },
  { prefix: '/api/ssh-keys/[id]', values: v => ({ id: v.key.id, provider: 'virtfusion' }) },
  { prefix: '/api/tokens/[id]', values: v => ({ id: v.token.id }) },
  { prefix: '/api/notifications/[id]', values: v => ({ id: v.notification.id }) },
  { prefix: '/api/users/[id]', values: v => ({ id: v.user.id }) },
  { prefix: '/api/sessions/[id]', values: v => ({ id: v.session.id }) },
  // Plans are not a customer's, but a retired one must be as invisible as someone else's thing.
  { prefix: '/api/plans/[id]', values: v => ({ id: v.retiredPlan.id }) },
  { prefix: '/api/hosting/providers/[provider]/vms/[id]', values: v => ({ provider: v.server.account.slug, id: v.server.upstream_id, action: 'start', backup: '1' }) },
  { prefix: '/api/hosting/providers/[provider]/dns/[domain]', values: v => ({ provider: 'hostinger', domain: v.zone, id: '1' }) },
  { prefix: '/api/hosting/providers/[provider]/domains/[domain]', values: v => ({ provider: 'hostinger', domain: v.zone }) },
  { prefix: '/api/dns/zones/[provider]/[domain]', values: v => ({ provider: 'hostinger', domain: v.zone }) },
  // By name alone: the victim's zone must be the same 404 as a name nobody holds.
  { prefix: '/api/dns/[domain]', values: v => ({ domain: v.zone, id: '1' }) },
  { prefix: '/api/domains/[domain]', values: v => ({ domain: v.zone }) },
  { prefix: '/api/hosting/providers/[provider]/ssh-keys/[id]', values: () => ({ provider: 'virtfusion', id: '1' }) },
  { prefix: '/api/hosting/providers/[provider]/orders/[id]', values: () => ({ provider: 'inferno', id: '47200' }) },
  // Account firewalls are the provider account's (admins only): any firewall id and rule.
  { prefix: '/api/hosting/providers/[provider]/firewalls', values: () => ({ provider: 'hostinger', fw: '1', rule: '1' }) },
  // Account-wide routes: the account the victim's server (or zone) lives on.
  { prefix: '/api/hosting/providers/[provider]/dns', values: () => ({ provider: 'hostinger' }) },
  { prefix: '/api/hosting/providers/[provider]/domains', values: () => ({ provider: 'hostinger' }) },
  { prefix: '/api/hosting/providers/[provider]', values: v => ({ provider: v.server.account.slug }) },
]

/** Routes addressing a zone or domain by its name alone (the account is found from the caller's assignment). */
const BY_NAME = /^\/api\/(dns|domains)\/\[domain\]/

/** Bodies and queries that pass validation, so the probe meets the access check. */
const BODIES: Record<string, { body?: unknown, query?: string }> = {
  'POST /api/servers/[id]/reinstall': { body: { template: '46' } },
  'PUT /api/servers/[id]/firewall': { body: { enabled: true } },
  'PUT /api/hosting/providers/[provider]/vms/[id]/firewall': { body: { enabled: true } },
  'POST /api/hosting/providers/[provider]/firewalls': { body: { name: 'stolen' } },
  'POST /api/hosting/providers/[provider]/firewalls/[fw]/rules': { body: { protocol: 'TCP', port: '22', source: 'any', source_detail: 'any' } },
  'PUT /api/hosting/providers/[provider]/firewalls/[fw]/rules/[rule]': { body: { protocol: 'TCP', port: '22', source: 'any', source_detail: 'any' } },
  'POST /api/hosting/providers/[provider]/firewalls/[fw]/attach': { body: { vm: '1' } },
  'POST /api/hosting/providers/[provider]/firewalls/[fw]/detach': { body: { vm: '1' } },
  'POST /api/hosting/providers/[provider]/firewalls/[fw]/sync': { body: { vm: '1' } },
  'PUT /api/servers/[id]/ptr': { body: { ip: '192.0.2.1', domain: 'probe.example.com' } },
  'DELETE /api/servers/[id]/ptr': { body: { ip: '192.0.2.1' } },
  'POST /api/servers/[id]/recovery': { body: { root_password: 'Probe-Passw0rd-1' } },
  'PATCH /api/servers/[id]/settings': { body: { hostname: 'probe.example.com' } },
  'PUT /api/hosting/providers/[provider]/vms/[id]/ptr': { body: { ip: '192.0.2.1', domain: 'probe.example.com' } },
  'DELETE /api/hosting/providers/[provider]/vms/[id]/ptr': { body: { ip: '192.0.2.1' } },
  'POST /api/hosting/providers/[provider]/vms/[id]/recovery': { body: { root_password: 'Probe-Passw0rd-1' } },
  'PATCH /api/hosting/providers/[provider]/vms/[id]/settings': { body: { hostname: 'probe.example.com' } },
  'POST /api/servers/[id]/ips': { body: { quantity: 1 } },
  'DELETE /api/servers/[id]/ips': { body: { ip: '192.0.2.1' } },
  'PUT /api/servers/[id]/backup-plan': { body: { plan_id: '1' } },
  'GET /api/servers/[id]/ptr/check': { query: 'ip=192.0.2.1' },
  'POST /api/hosting/providers/[provider]/vms/[id]/ips': { body: { quantity: 1 } },
  'DELETE /api/hosting/providers/[provider]/vms/[id]/ips': { body: { ip: '192.0.2.1' } },
  'PUT /api/hosting/providers/[provider]/vms/[id]/backup-plan': { body: { plan_id: '1' } },
  'GET /api/hosting/providers/[provider]/vms/[id]/ptr/check': { query: 'ip=192.0.2.1' },
  'POST /api/servers/[id]/resize': { body: { plan: '2' } },
  'PATCH /api/servers/[id]': { body: { owner_id: null } },
  'POST /api/admin/servers/[id]/suspend': { body: { reason: 'scoping probe' } },
  'PATCH /api/ssh-keys/[id]': { body: { name: 'stolen' } },
  'POST /api/ssh-keys/[id]/push': { body: { accounts: ['virtfusion'] } },
  'PATCH /api/plans/[id]': { body: { name: 'stolen' } },
  'PATCH /api/users/[id]': { body: { name: 'Stolen' } },
  'POST /api/hosting/providers/[provider]/dns/[domain]': { body: { type: 'A', name: 'probe', content: '192.0.2.1', ttl: 300 } },
  'PUT /api/hosting/providers/[provider]/dns/[domain]': { body: { records: [{ type: 'A', name: 'probe', content: '192.0.2.1', ttl: 300 }] } },
  'DELETE /api/hosting/providers/[provider]/dns/[domain]': { query: 'name=www&type=CNAME' },
  'POST /api/hosting/providers/[provider]/dns/[domain]/import': { body: { zone_file: 'probe 300 IN A 192.0.2.1\n' } },
  'PUT /api/hosting/providers/[provider]/domains/[domain]/nameservers': { body: { nameservers: ['ns1.example.org', 'ns2.example.org'] } },
  'PUT /api/hosting/providers/[provider]/domains/[domain]/owner': { body: { owner_id: null } },
  'PUT /api/dns/zones/[provider]/[domain]/assignment': { body: { owner_id: randomUUID() } },
  'POST /api/dns/[domain]': { body: { type: 'A', name: 'probe', content: '192.0.2.1', ttl: 300 } },
  'PUT /api/dns/[domain]': { body: { records: [{ type: 'A', name: 'probe', content: '192.0.2.1', ttl: 300 }] } },
  'DELETE /api/dns/[domain]': { query: 'name=www&type=CNAME' },
  'POST /api/dns/[domain]/import': { body: { zone_file: 'probe 300 IN A 192.0.2.1\n' } },
  'PUT /api/domains/[domain]/nameservers': { body: { nameservers: ['ns1.example.org', 'ns2.example.org'] } },
}

/** Writes a customer may make that name no resource in their path: each with its own check. */
type Probe = (c: { attacker: Client, victimClient: Client, victim: Victim }) => Promise<void>
const SELF: Record<string, Probe> = {
  // Stripe's webhook takes no session: a customer's session proves nothing without Stripe's signature.
  'POST /api/webhooks/stripe': async ({ attacker }) => {
    const r = await attacker.post('/api/webhooks/stripe', { id: 'evt_probe', type: 'checkout.session.completed' })
    expect(r.status).toBe(400)
    expect(r.body.code).toMatch(/^(webhook_signature_invalid|gateway_not_configured)$/)
  },
  'POST /api/orders': async ({ attacker, victim }) => {
    // Someone else's keychain key cannot be put on my server.
    const r = await order(attacker, { plan_id: victim.order.plan.id, hostname: uniqueHost('probe'), ssh_key_ids: [victim.key.id] })
    expect([403, 404]).toContain(r.status)
  },
  'POST /api/tokens': async ({ attacker, victimClient }) => {
    const r = await attacker.post('/api/tokens', { name: 'probe' })
    expect(r.status).toBe(201)
    expect((await victimClient.get('/api/tokens')).body.map((t: any) => t.id)).not.toContain(r.body.id)
  },
  'POST /api/notifications/read-all': async ({ attacker, victimClient, victim }) => {
    expect((await attacker.post('/api/notifications/read-all')).status).toBe(200)
    const mine = (await victimClient.get('/api/notifications')).body.items.find((n: any) => n.id === victim.notification.id)
    expect(mine.read_at).toBeNull()
  },
  // Account security routes act on the caller alone; none takes another user's id.
  'POST /api/auth/password': async ({ attacker }) => {
    const r = await attacker.post('/api/auth/password', { current_password: 'not-my-password', new_password: 'a-long-and-unusual-passphrase' })
    expect(r.body.code).toBe('invalid_current_password')
  },
  'PATCH /api/auth/me': async ({ attacker, victimClient }) => {
    const before = (await victimClient.get('/api/auth/me')).body.user.locale
    expect((await attacker.patch('/api/auth/me', { locale: before === 'ru' ? 'en' : 'ru' })).status).toBe(200)
    // It has no user id to give: it only ever changes the caller.
    expect((await attacker.patch('/api/auth/me', { locale: 'ru', user_id: 'x' })).status).toBe(400)
    expect((await victimClient.get('/api/auth/me')).body.user.locale).toBe(before)
  },
  'POST /api/auth/impersonation/end': async ({ attacker, victimClient }) => {
    // A customer's own session is not a "sign in as" one: nothing to end, and nobody else's is touched.
    expect((await attacker.post('/api/auth/impersonation/end')).body.code).toBe('impersonation_not_active')
    expect((await victimClient.get('/api/auth/me')).status).toBe(200)
  },
  'PUT /api/notifications/preferences': async ({ attacker, victimClient }) => {
    // Preferences are the caller's own: a change (and any stray user id) never reaches the victim's.
    const before = (await victimClient.get('/api/notifications/preferences')).body
    expect((await attacker.put('/api/notifications/preferences', { items: [{ kind: 'server_suspended', in_app: false, email: false }] })).status).toBe(200)
    expect((await attacker.put('/api/notifications/preferences', { items: [], user_id: 'x' })).status).toBe(400)
    expect((await victimClient.get('/api/notifications/preferences')).body).toEqual(before)
  },
  'POST /api/auth/reauth': async ({ attacker }) => {
    expect((await attacker.post('/api/auth/reauth', { password: 'not-my-password' })).body.code).toBe('invalid_reauth')
  },
  'POST /api/auth/totp/setup': async ({ attacker, victimClient }) => {
    expect((await attacker.post('/api/auth/totp/setup')).status).toBe(200)
    expect((await victimClient.get('/api/auth/me')).body.user.totp_enabled).toBe(false)
  },
  'POST /api/auth/totp/enable': async ({ attacker }) => {
    expect((await attacker.post('/api/auth/totp/enable', { code: '000000' })).status).toBe(400)
  },
  'POST /api/auth/totp/disable': async ({ attacker }) => {
    expect((await attacker.post('/api/auth/totp/disable', { password: 'x', code: '000000' })).status).toBe(409)
  },
  'POST /api/sessions/revoke-all': async ({ victimClient }) => {
    // Signing out everywhere (as a third customer, so the attacker stays signed in) ends only one's own sessions.
    const other = await customerClient(admin, 'Sam Signout')
    expect((await other.client.post('/api/sessions/revoke-all')).status).toBe(200)
    expect((await other.client.get('/api/auth/me')).status).toBe(401)
    expect((await victimClient.get('/api/auth/me')).status).toBe(200)
  },
  'PUT /api/account/billing': async ({ attacker, victimClient }) => {
    // The billing profile is the caller's own; no user id can be given.
    const before = (await victimClient.get('/api/account/billing')).body
    expect((await attacker.put('/api/account/billing', { country: 'FR', vat_id: 'FR999' })).status).toBe(200)
    expect((await attacker.put('/api/account/billing', { user_id: 'x' })).status).toBe(400)
    expect((await victimClient.get('/api/account/billing')).body).toEqual(before)
  },
  'POST /api/ssh-keys': async ({ attacker, victimClient, victim }) => {
    // The same public key in my keychain is my copy; the victim's stays theirs.
    const r = await attacker.post('/api/ssh-keys', { name: 'copy', public_key: victim.key.publicKey })
    expect(r.status).toBeLessThan(300)
    expect(r.body.id).not.toBe(victim.key.id)
    const theirs = (await victimClient.get(`/api/ssh-keys/${victim.key.id}`))
    expect(theirs.status).toBe(200)
  },
}

let admin: Client
let attacker: { client: Client, user: any }
let victimClient: Client
let victim: Victim

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  const v = await customerClient(admin, 'Vera Victim')
  attacker = await customerClient(admin, 'Mallory Attacker')
  victimClient = v.client
  const plan = await createPlan(admin, 'virtfusion')
  const key = await addKeychainKey(admin, v.user.id, 'vera-key')
  const placed = await order(victimClient, { plan_id: plan.id, template: '46', hostname: uniqueHost('victim'), ssh_key_ids: [key.id] })
  const done = await waitOrder(victimClient, placed.body.id)
  expect(done.status, JSON.stringify(done)).toBe('completed')
  // The admin's view: a customer's names no account nor upstream id (white label), the probes need both.
  const server = (await admin.get(`/api/servers/${done.server_id}`)).body
  const token = (await victimClient.post('/api/tokens', { name: 'vera ci' })).body
  const notification = (await victimClient.get('/api/notifications')).body.items.find((n: any) => n.link === `/servers/${server.id}`)
  const zone = `vera-${Date.now()}.example.org`
  expect((await admin.post('/api/_test/zone-assignments', { account: 'hostinger', domain: zone, owner_id: v.user.id })).status).toBe(201)
  // The attacker holds a zone on the same account, so account-level checks pass and the per-zone one is what refuses.
  expect((await admin.post('/api/_test/zone-assignments', { account: 'hostinger', domain: `mallory-${Date.now()}.example.org`, owner_id: attacker.user.id })).status).toBe(201)
  // The attacker has a key and an order of their own, so lists are not trivially empty.
  const own = await addKeychainKey(admin, attacker.user.id, 'mallory-key')
  await waitOrder(attacker.client, (await order(attacker.client, { plan_id: plan.id, template: '46', hostname: uniqueHost('mallory'), ssh_key_ids: [own.id] })).body.id)
  const retiredPlan = await createPlan(admin, 'inferno')
  await admin.patch(`/api/plans/${retiredPlan.id}`, { retired: true })
  const session = (await victimClient.get('/api/sessions')).body.find((x: any) => x.current)
  // An invoice of the victim's (a priced plan's order) with a part payment, so nothing provisions.
  const priced = (await admin.post('/api/plans', { name: `priced probe ${Date.now()}`, account: 'virtfusion', mapping: { packageId: '1', hypervisorId: '1', userPolicy: 'per_customer' }, prices: [{ cycle: 'monthly', amount_minor: 700, currency: 'EUR' }] })).body
  const billed = (await order(victimClient, { plan_id: priced.id, template: '46', hostname: uniqueHost('victim-bill') })).body
  const invoice = (await victimClient.get(`/api/invoices/${billed.invoice_id}`)).body
  const payment = (await admin.post(`/api/invoices/${invoice.id}/payments`, { amount_minor: 1, reference: 'probe' }, { 'Idempotency-Key': randomUUID() })).body.payment
  victim = { user: v.user, order: done, server, key: { ...key, publicKey: key.publicKey }, token, notification, session, zone, retiredPlan, invoice, payment }
}, 180_000)

function fill(template: string, values: Record<string, string>) {
  return template.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    const v = values[name]
    if (v === undefined) throw new Error(`no value for [${name}]`)
    return encodeURIComponent(v)
  })
}

function markers(v: Victim): string[] {
  return [v.user.email, v.user.id, v.order.id, v.order.hostname, v.server.id, v.key.id, v.key.fingerprint, v.token.id, v.notification.id, v.session.id, v.zone, v.invoice.id, v.invoice.number, v.payment.id]
}

describe('every customer-callable route refuses another customer\'s resources', () => {
  it('walks every route under server/api', async () => {
    const all = routes()
    expect(all.length).toBeGreaterThan(30)
    const problems: string[] = []
    const walked: string[] = []
    for (const r of all) {
      const key = `${r.method} ${r.template}`
      if (OUT_OF_SCOPE.has(key) || r.template.startsWith('/api/_test/')) continue
      const hasResource = /\[(?!provider\])[^\]]+\]/.test(r.template)
      const res = RESOURCES.filter(x => r.template === x.prefix || r.template.startsWith(`${x.prefix}/`)).sort((a, b) => b.prefix.length - a.prefix.length)[0]
      if (r.template.includes('[') && !res) {
        problems.push(`${key}: no resource for its path parameters; add it to RESOURCES (${r.file})`)
        continue
      }
      let path: string
      try { path = res ? fill(r.template, res.values(victim)) : r.template }
      catch (e) {
        problems.push(`${key}: ${(e as Error).message} in RESOURCES`)
        continue
      }
      const extra = BODIES[key]
      if (extra?.query) path += `?${extra.query}`
      walked.push(key)

      if (SELF[key]) {
        try { await SELF[key]!({ attacker: attacker.client, victimClient, victim }) }
        catch (e) { problems.push(`${key}: ${(e as Error).message}`) }
        continue
      }
      const body = r.method === 'GET' || r.method === 'DELETE' ? undefined : extra?.body ?? {}
      const headers: Record<string, string> = r.method === 'POST' ? { 'Idempotency-Key': randomUUID() } : {}
      const answer = await attacker.client.req(r.method, path, body, headers)
      // By name, a name someone else holds must look like one nobody holds: 404, never 403.
      if (BY_NAME.test(r.template) && answer.status !== 404) {
        problems.push(`${key} → ${path}: ${answer.status} (wanted 404: the victim's name must look like one nobody holds)`)
        continue
      }
      if (answer.status === 403 || answer.status === 404) continue
      if (hasResource) {
        problems.push(`${key} → ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)} (wanted 403 or 404${answer.status === 400 ? '; give it a valid body in BODIES' : ''})`)
        continue
      }
      if (r.method !== 'GET') {
        problems.push(`${key}: a customer got ${answer.status}; a customer write needs its own probe in SELF (${r.file})`)
        continue
      }
      if (answer.status >= 500 && answer.status !== 501) {
        problems.push(`${key}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`)
        continue
      }
      const text = JSON.stringify(answer.body ?? '')
      const leaked = markers(victim).filter(m => m && text.includes(m))
      if (leaked.length) problems.push(`${key}: the listing shows the victim's ${leaked.join(', ')}`)
    }
    expect(problems, problems.join('\n')).toEqual([])
    // The routes this suite was written against are all walked (so a broken walker cannot pass silently).
    for (const key of ['GET /api/orders/[id]', 'POST /api/orders/[id]/cancel', 'GET /api/servers/[id]', 'POST /api/servers/[id]/actions/[action]', 'DELETE /api/tokens/[id]', 'POST /api/notifications/[id]/read', 'POST /api/orders', 'GET /api/orders']) {
      expect(walked, key).toContain(key)
    }
  })

  it('left the victim\'s things as they were', async () => {
    expect((await victimClient.get(`/api/orders/${victim.order.id}`)).body.status).toBe('completed')
    const server = (await victimClient.get(`/api/servers/${victim.server.id}`)).body
    expect(server).toMatchObject({ owner: { id: victim.user.id }, admin_locked: false, gone: false })
    const tokenClient = new (victimClient.constructor as typeof Client)(victim.token.token)
    expect((await tokenClient.get('/api/auth/me')).body.user.id).toBe(victim.user.id)
    const note = (await victimClient.get('/api/notifications')).body.items.find((n: any) => n.id === victim.notification.id)
    expect(note.read_at).toBeNull()
  })
})
