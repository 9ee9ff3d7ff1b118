/**
 * Issue 16, the rest of the network and activity work: adding and removing IPv4 addresses and the
 * backup plan (VirtFusion; others 501), the reverse-DNS forward check against our zones, and the
 * activity timeline merging the platform's log with our audit log. Both paths; the owner may,
 * another customer gets 404, a plan without the feature 403.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { randomUUID } from 'node:crypto'
import { type Client, adminClient, customerClient, sandboxAdmin } from './helpers'
import { addKeychainKey, createPlan, order, uniqueHost, waitOrder } from './portal-helpers'
import { configureSandboxAccounts, createRunning, syncAll, upstreamRequests } from './servers-helpers'

let admin: Client
let vf: any
let hsv: any
const at = (s: any, what: string) => `/api/servers/${s.id}/${what}`
const seed = (s: any, what: string) => `/api/hosting/providers/${s.account.slug}/vms/${s.upstream_id}/${what}`
const fresh = async (s: any) => (await admin.get(`/api/servers/${s.id}`)).body

/** A change on the Hostinger VM answers its action; the VM takes the next change once it is done. */
async function changed(r: { status: number, body: any }) {
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  if (!r.body.action_id) return
  await vi.waitFor(async () => {
    const log = await admin.get(at(hsv, 'actions'))
    expect(log.body.find((a: any) => a.id === r.body.action_id)?.state).toBe('done')
  }, { timeout: 20_000, interval: 200 })
}

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  await syncAll(admin)
  ;[vf, hsv] = await Promise.all([createRunning(admin, 'virtfusion'), createRunning(admin, 'hostinger')])
}, 120_000)

describe('IPv4 addresses (VirtFusion)', () => {
  it('adds a quantity and named addresses, removes one; never the only one; audited', async () => {
    const before = (await fresh(vf)).ipv4 as string[]
    const add = await admin.post(at(vf, 'ips'), { quantity: 1 })
    expect(add.status, JSON.stringify(add.body)).toBe(200)
    expect(add.body.addresses).toHaveLength(1)
    const [added] = add.body.addresses
    expect((await fresh(vf)).ipv4).toEqual(expect.arrayContaining([...before, added]))

    const prefix = before[0]!.split('.').slice(0, 3).join('.')
    const named = `${prefix}.${200 + Math.floor(Math.random() * 50)}`
    const viaSeed = await admin.post(seed(vf, 'ips'), { addresses: [named] })
    expect(viaSeed.status, JSON.stringify(viaSeed.body)).toBe(200)
    expect((await fresh(vf)).ipv4).toContain(named)

    for (const ip of [added, named]) {
      const del = await admin.req('DELETE', ip === named ? seed(vf, 'ips') : at(vf, 'ips'), { ip })
      expect(del.status, JSON.stringify(del.body)).toBe(200)
    }
    expect((await fresh(vf)).ipv4).toEqual(before)
    // Bad input is a 400; an address not the server's too; its only address a 409.
    expect((await admin.post(at(vf, 'ips'), { quantity: 1, addresses: [named] })).status).toBe(400)
    expect((await admin.post(at(vf, 'ips'), { quantity: 0 })).status).toBe(400)
    expect((await admin.req('DELETE', at(vf, 'ips'), { ip: '192.0.2.99' })).status).toBe(400)
    if (before.length === 1) expect((await admin.req('DELETE', at(vf, 'ips'), { ip: before[0] })).status).toBe(409)

    const log = await admin.get('/api/audit?per_page=100')
    const actions = (log.body.items ?? log.body).filter((e: any) => e.target === vf.id).map((e: any) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['server.ip_add', 'server.ip_remove']))
  })

  it('assigns, reads and removes a backup plan on both paths; an unknown plan is refused', async () => {
    expect((await admin.get(at(vf, 'backup-plan'))).body).toEqual({ plan: null })
    const set = await admin.put(seed(vf, 'backup-plan'), { plan_id: '1' })
    expect(set.status, JSON.stringify(set.body)).toBe(200)
    expect((await admin.get(at(vf, 'backup-plan'))).body).toEqual({ plan: { id: '1', name: 'Daily, 7 kept' } })
    const bad = await admin.put(at(vf, 'backup-plan'), { plan_id: '77' })
    expect(bad.status, JSON.stringify(bad.body)).toBeGreaterThanOrEqual(400)
    expect(bad.status).toBeLessThan(500)
    expect((await admin.put(at(vf, 'backup-plan'), { plan_id: 'daily' })).status).toBe(400)
    expect((await admin.put(at(vf, 'backup-plan'), { plan_id: null })).status).toBe(200)
    expect((await admin.get(seed(vf, 'backup-plan'))).body).toEqual({ plan: null })
  })

  it('a provider that cannot answers 501 with its reason', async () => {
    const cases: [string, string, unknown][] = [['POST', 'ips', { quantity: 1 }], ['DELETE', 'ips', { ip: hsv.ipv4[0] }], ['GET', 'backup-plan', undefined], ['PUT', 'backup-plan', { plan_id: '1' }]]
    for (const [method, what, body] of cases) {
      for (const url of [at(hsv, what), seed(hsv, what)]) {
        const r = await admin.req(method, url, body)
        expect(r.status, `${method} ${url} ${JSON.stringify(r.body)}`).toBe(501)
        expect(r.body).toMatchObject({ code: 'not_supported' })
        expect(r.body.error).toMatch(/add or remove|backup plans/)
      }
    }
  })
})

describe('adding addresses exactly once (they are billed)', () => {
  const quantityCalls = async (since: number) => (await upstreamRequests('virtfusion', since)).filter(r => r.method === 'POST' && r.path.endsWith(`/servers/${vf.upstream_id}/ipv4Qty`))
  const removeAll = async (ips: string[]) => {
    for (const ip of ips) expect((await admin.req('DELETE', at(vf, 'ips'), { ip })).status).toBe(200)
  }

  it('the same key again answers the first result and adds nothing; another body with it is a 422; so is a keyless twin within a minute', async () => {
    const since = Date.now()
    const key = randomUUID()
    const first = await admin.post(at(vf, 'ips'), { quantity: 1 }, { 'Idempotency-Key': key })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.headers.get('intent-id')).toBeTruthy()
    const again = await admin.post(seed(vf, 'ips'), { quantity: 1 }, { 'Idempotency-Key': key })
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body.addresses).toEqual(first.body.addresses)
    expect((await admin.post(at(vf, 'ips'), { quantity: 2 }, { 'Idempotency-Key': key })).status).toBe(422)
    expect(await quantityCalls(since)).toHaveLength(1)

    const keyless = await admin.post(at(vf, 'ips'), { quantity: 2 })
    expect(keyless.status, JSON.stringify(keyless.body)).toBe(200)
    const twin = await admin.post(at(vf, 'ips'), { quantity: 2 })
    expect(twin.headers.get('idempotent-replayed')).toBe('true')
    expect(twin.body.addresses).toEqual(keyless.body.addresses)
    expect(await quantityCalls(since)).toHaveLength(2)
    await removeAll([...first.body.addresses, ...keyless.body.addresses])
  })

  it('a lost answer is settled by the one address that appeared, never by sending again', async () => {
    const before = (await fresh(vf)).ipv4 as string[]
    const since = Date.now()
    const key = randomUUID()
    // The provider adds the address, but its answer never arrives (the client times out).
    await sandboxAdmin('/faults', 'POST', { provider: 'virtfusion', hangAfter: true, count: 1, match: `/servers/${vf.upstream_id}/ipv4Qty`, method: 'POST' })
    try {
      const lost = await admin.post(at(vf, 'ips'), { quantity: 1 }, { 'Idempotency-Key': key })
      expect([200, 202], JSON.stringify(lost.body)).toContain(lost.status)
      let settled: any
      await vi.waitFor(async () => {
        settled = await admin.post(at(vf, 'ips'), { quantity: 1 }, { 'Idempotency-Key': key })
        expect(settled.status, JSON.stringify(settled.body)).toBe(200)
      }, { timeout: 30_000, interval: 500 })
      const now = (await admin.get(`/api/servers/${vf.id}?refresh=1`)).body.ipv4 as string[]
      const added = now.filter(a => !before.includes(a))
      expect(added).toHaveLength(1)
      expect(settled.body.addresses).toEqual(added)
      expect(await quantityCalls(since)).toHaveLength(1)
      await removeAll(added)
    }
    finally { await sandboxAdmin('/faults?provider=virtfusion', 'DELETE') }
  }, 60_000)
})

describe('customers and addresses', () => {
  it('another customer gets 404; the owner without the feature 403; with it a quantity, never named addresses', async () => {
    const cora = await customerClient(admin)
    const { client: dan } = await customerClient(admin, 'Dan')
    expect((await admin.patch(`/api/servers/${vf.id}`, { owner_id: cora.user.id })).status).toBe(200)
    const routes: [string, string, unknown?][] = [
      ['POST', 'ips', { quantity: 1 }], ['DELETE', 'ips', { ip: vf.ipv4[0] }], ['GET', 'backup-plan'], ['PUT', 'backup-plan', { plan_id: '1' }],
      ['GET', 'activity'], ['GET', `ptr/check?ip=${vf.ipv4[0]}`],
    ]
    for (const [method, what, body] of routes) {
      for (const url of [at(vf, what), seed(vf, what)]) {
        const r = await dan.req(method, url, body)
        expect(r.status, `${method} ${url} ${JSON.stringify(r.body)}`).toBe(404)
      }
    }
    // Assigned without an order: every feature but the paid ones.
    const features = (await cora.client.get(at(vf, 'features'))).body.features
    expect(features).not.toContain('ip_addresses')
    expect(features).not.toContain('backup_plan')
    const no = await cora.client.post(at(vf, 'ips'), { quantity: 1 })
    expect(no.status).toBe(403)
    expect(no.body).toMatchObject({ code: 'feature_not_in_plan' })
    expect((await cora.client.put(seed(vf, 'backup-plan'), { plan_id: '1' })).status).toBe(403)
    expect((await admin.patch(`/api/servers/${vf.id}`, { owner_id: null })).status).toBe(200)
  })

  it('a plan that grants ip_addresses lets its customer add a quantity (not named ones)', async () => {
    const cora = await customerClient(admin)
    const key = await addKeychainKey(admin, cora.user.id)
    const plan = await createPlan(admin, 'virtfusion')
    expect(plan.customer_features).not.toContain('ip_addresses')
    expect((await admin.patch(`/api/plans/${plan.id}`, { customer_features: ['ip_addresses', 'backup_plan'] })).status).toBe(200)
    const placed = await order(cora.client, { plan_id: plan.id, template: '46', hostname: uniqueHost('ips'), ssh_key_ids: [key.id] })
    expect(placed.status, JSON.stringify(placed.body)).toBeLessThan(300)
    const done = await waitOrder(cora.client, placed.body.id)
    expect(done.status, JSON.stringify(done)).toBe('completed')
    const mine = (await cora.client.get(`/api/servers/${done.server_id}`)).body
    const add = await cora.client.post(at(mine, 'ips'), { quantity: 1 })
    expect(add.status, JSON.stringify(add.body)).toBe(200)
    expect((await cora.client.post(at(mine, 'ips'), { addresses: ['203.0.113.250'] })).status).toBe(403)
    expect((await cora.client.get(at(mine, 'backup-plan'))).status).toBe(200)
    // What the change says names no provider.
    expect(`${add.body.status} ${add.body.message}`).not.toMatch(/virtfusion/i)
  }, 120_000)
})

describe('reverse DNS forward-confirmation', () => {
  it('against our zone: missing, then confirmed once the A record is created there; the zone named only to who may edit it', async () => {
    const ip = hsv.ipv4[0]
    const label = `ptr-${Math.random().toString(36).slice(2, 8)}`
    const host = `${label}.shop.example.net`
    await changed(await admin.put(at(hsv, 'ptr'), { ip, domain: host }))
    const first = await admin.get(at(hsv, `ptr/check?ip=${ip}`))
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toEqual({ ip, domain: host, record_type: 'A', status: 'missing', source: 'zone', addresses: [], zone: { provider: 'hostinger', domain: 'shop.example.net', name: label } })

    const made = await admin.post(`/api/hosting/providers/hostinger/dns/shop.example.net`, { type: 'A', name: label, content: ip, ttl: 300 })
    expect(made.status, JSON.stringify(made.body)).toBeLessThan(300)
    const second = await admin.get(seed(hsv, `ptr/check?ip=${ip}`))
    expect(second.body).toMatchObject({ status: 'confirmed', source: 'zone', addresses: [ip] })

    // Pointing elsewhere: a mismatch.
    await admin.put(`/api/hosting/providers/hostinger/dns/shop.example.net`, { records: [{ type: 'A', name: label, content: '192.0.2.200', ttl: 300 }], overwrite: true })
    expect((await admin.get(at(hsv, `ptr/check?ip=${ip}`))).body).toMatchObject({ status: 'mismatch', addresses: ['192.0.2.200'] })

    // The owner whose zone it is not: the same answer, without the zone.
    const cora = await customerClient(admin)
    expect((await admin.patch(`/api/servers/${hsv.id}`, { owner_id: cora.user.id })).status).toBe(200)
    const theirs = await cora.client.get(at(hsv, `ptr/check?ip=${ip}`))
    expect(theirs.body).toMatchObject({ status: 'mismatch', zone: null })
    expect((await admin.patch(`/api/servers/${hsv.id}`, { owner_id: null })).status).toBe(200)
  })

  it('a name none of our zones holds is unknown (or asked of a resolver); no PTR says so; a foreign address is 400', async () => {
    const ip = hsv.ipv4[0]
    await changed(await admin.put(at(hsv, 'ptr'), { ip, domain: 'mail.elsewhere.invalid' }))
    expect((await admin.get(at(hsv, `ptr/check?ip=${ip}`))).body).toMatchObject({ status: 'unknown', source: null, zone: null })
    const asked = await admin.get(at(hsv, `ptr/check?ip=${ip}&resolve=true`))
    expect(asked.body.source).toBe('resolver')
    expect(['missing', 'unknown']).toContain(asked.body.status)
    await changed(await admin.req('DELETE', at(hsv, 'ptr'), { ip }))
    expect((await admin.get(at(hsv, `ptr/check?ip=${ip}`))).body).toMatchObject({ status: 'no_ptr', domain: null })
    expect((await admin.get(at(hsv, 'ptr/check?ip=198.51.100.250'))).status).toBe(400)
    expect((await admin.get(at(vf, `ptr/check?ip=${vf.ipv4[0]}`))).status).toBe(501)
  })
})

describe('activity', () => {
  it('merges the platform\'s log with ours, newest first, paginated; a customer sees "support", no emails, no provider', async () => {
    await changed(await admin.put(at(hsv, 'ptr'), { ip: hsv.ipv4[0], domain: 'act.example.com' }))
    const all = await admin.get(at(hsv, 'activity?per_page=100'))
    expect(all.status, JSON.stringify(all.body)).toBe(200)
    const sources = new Set(all.body.items.map((e: any) => e.source))
    expect(sources).toEqual(new Set(['panel', 'provider']))
    const times = all.body.items.map((e: any) => e.at ?? '')
    expect([...times].sort().reverse()).toEqual(times)
    const mine = all.body.items.find((e: any) => e.action === 'server.ptr_set')
    expect(mine).toMatchObject({ source: 'panel', state: 'done', actor: { kind: 'you', email: 'admin@example.com' } })

    const page2 = await admin.get(seed(hsv, 'activity?per_page=2&page=2'))
    expect(page2.body).toMatchObject({ page: 2, per_page: 2, total: all.body.total })
    expect(page2.body.items).toEqual(all.body.items.slice(2, 4))

    const cora = await customerClient(admin)
    expect((await admin.patch(`/api/servers/${hsv.id}`, { owner_id: cora.user.id })).status).toBe(200)
    // What happened before the hand-over is the former holder's; support's change after it shows.
    await changed(await admin.put(at(hsv, 'ptr'), { ip: hsv.ipv4[0], domain: 'handed.example.com' }))
    const seen = await cora.client.get(at(hsv, 'activity?per_page=100'))
    expect(seen.status).toBe(200)
    const ptrs = seen.body.items.filter((e: any) => e.action === 'server.ptr_set')
    expect(ptrs).toHaveLength(1)
    expect(ptrs[0]).toMatchObject({ actor: { kind: 'support', email: null }, details: { ip: hsv.ipv4[0], domain: 'handed.example.com' } })
    const handedAt = all.body.items[0].at
    for (const e of seen.body.items) expect(e.at.slice(0, 19) >= handedAt.slice(0, 19), JSON.stringify(e)).toBe(true)
    const text = JSON.stringify(seen.body)
    expect(text).not.toMatch(/admin@example\.com|hostinger|upstream_id|"account"/i)
    expect(seen.body.items.find((e: any) => e.source === 'provider')).toMatchObject({ actor: { kind: 'platform', email: null } })
    expect((await admin.patch(`/api/servers/${hsv.id}`, { owner_id: null })).status).toBe(200)
  })

  it('a provider without an action log still shows ours', async () => {
    const r = await admin.get(at(vf, 'activity'))
    expect(r.status).toBe(200)
    expect(r.body.items.every((e: any) => e.source === 'panel')).toBe(true)
    expect(r.body.items.map((e: any) => e.action)).toEqual(expect.arrayContaining(['server.ip_add']))
  })
})
