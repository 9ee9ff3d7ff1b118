/**
 * Day-2 server operations (issue 16) on /api/servers/{id}/… and the seed's …/vms/{id}/…: the owner
 * may, another customer gets 404, a provider that cannot answers 501 with its reason, a customer
 * whose plan does not grant the feature gets 403.
 */
import { DEFAULT_CUSTOMER_FEATURES } from '../../shared/servers/features'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { type Client, adminClient, customerClient, withSlowTransitions } from './helpers'
import { addKeychainKey, createPlan, order, uniqueHost, waitOrder } from './portal-helpers'
import { allServers, configureSandboxAccounts, createRunning, syncAll, upstream, waitForServer } from './servers-helpers'

let admin: Client
let hsv: any
const at = (s: any, what: string) => `/api/servers/${s.id}/${what}`
const seed = (s: any, what: string) => `/api/hosting/providers/${s.account.slug}/vms/${s.upstream_id}/${what}`

/** Polls the server's action log until the provider's action is done. */
async function actionDone(c: Client, s: any, actionId: string) {
  await vi.waitFor(async () => {
    const r = await c.get(at(s, 'actions'))
    expect(r.status).toBe(200)
    expect(r.body.find((a: any) => a.id === actionId)?.state).toBe('done')
  }, { timeout: 20_000, interval: 200 })
}

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  await syncAll(admin)
  hsv = await createRunning(admin, 'hostinger')
}, 120_000)

describe('as an admin, on Hostinger', () => {
  it('reads graphs for a range on both paths, in the documented shape', async () => {
    const to = new Date()
    const from = new Date(to.getTime() - 6 * 3_600_000)
    const q = `?from=${from.toISOString()}&to=${to.toISOString()}`
    for (const url of [at(hsv, `metrics${q}`), seed(hsv, `metrics${q}`)]) {
      const r = await admin.get(url)
      expect(r.status, JSON.stringify(r.body)).toBe(200)
      expect(r.body).toMatchObject({ from: from.toISOString(), to: to.toISOString(), uptime_s: expect.any(Number) })
      expect(r.body.series.length).toBeGreaterThan(0)
      expect(Object.keys(r.body.series[0]).sort()).toEqual(['cpu_percent', 'disk_mb', 'memory_mb', 'net_in_bytes', 'net_out_bytes', 't'])
    }
    expect((await admin.get(at(hsv, `metrics?from=${to.toISOString()}&to=${from.toISOString()}`))).status).toBe(400)
    expect((await admin.get(at(hsv, 'metrics?from=2020-01-01T00:00:00Z&to=2020-03-01T00:00:00Z'))).status).toBe(400)
    expect((await admin.get(at(hsv, 'metrics?from=yesterday'))).status).toBe(400)
  })

  it('takes a snapshot, restores and deletes it (one per VM), audited', async () => {
    expect((await admin.get(at(hsv, 'snapshots'))).body).toEqual([])
    const made = await admin.post(at(hsv, 'snapshots'))
    expect(made.status, JSON.stringify(made.body)).toBe(200)
    expect(made.body).toMatchObject({ status: 'snapshot started', action_id: expect.any(String) })
    await actionDone(admin, hsv, made.body.action_id)
    const list = await admin.get(seed(hsv, 'snapshots'))
    expect(list.body).toHaveLength(1)
    expect(list.body[0]).toMatchObject({ id: expect.any(String), created_at: expect.any(String), expires_at: expect.any(String) })

    // The VM is locked while it restores: a second change is a conflict.
    const restored = await withSlowTransitions(3_000, async () => {
      const r = await admin.post(at(hsv, 'snapshots/restore'))
      expect(r.status, JSON.stringify(r.body)).toBe(200)
      expect((await admin.post(at(hsv, 'snapshots'))).status).toBe(409)
      return r
    })
    await actionDone(admin, hsv, restored.body.action_id)
    await waitForServer(admin, hsv.id, s => s.status === 'running')

    const gone = await admin.del(at(hsv, 'snapshots'))
    expect(gone.status, JSON.stringify(gone.body)).toBe(200)
    await actionDone(admin, hsv, gone.body.action_id)
    expect((await admin.get(at(hsv, 'snapshots'))).body).toEqual([])
    const log = await admin.get('/api/audit?per_page=50')
    const actions = (log.body.items ?? log.body).map((e: any) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['server.snapshot_create', 'server.snapshot_restore', 'server.snapshot_delete']))
  })

  it('sets and removes reverse DNS of the server\'s own address only', async () => {
    const ip = hsv.ipv4[0]
    expect(ip).toBeTruthy()
    const set = await admin.put(at(hsv, 'ptr'), { ip, domain: 'Mail.Example.com' })
    expect(set.status, JSON.stringify(set.body)).toBe(200)
    expect((await admin.get(seed(hsv, 'ptr'))).body).toContainEqual({ ip, domain: 'mail.example.com' })
    await actionDone(admin, hsv, set.body.action_id)
    expect((await admin.put(at(hsv, 'ptr'), { ip: '198.51.100.77', domain: 'x.example.com' })).status).toBe(400)
    expect((await admin.put(at(hsv, 'ptr'), { ip, domain: 'not a host' })).status).toBe(400)
    const del = await admin.req('DELETE', at(hsv, 'ptr'), { ip })
    expect(del.status, JSON.stringify(del.body)).toBe(200)
    expect((await admin.get(at(hsv, 'ptr'))).body).toContainEqual({ ip, domain: null })
    await actionDone(admin, hsv, del.body.action_id)
  })

  it('changes hostname and nameservers; lists backups; the action log shows it', async () => {
    const name = uniqueHost('renamed')
    const r = await admin.patch(at(hsv, 'settings'), { hostname: name, nameservers: ['9.9.9.9', '1.0.0.1'] })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.server).toMatchObject({ hostname: name })
    expect((await upstream('hostinger', 'GET', `/api/vps/v1/virtual-machines/${hsv.upstream_id}`)).body).toMatchObject({ ns1: '9.9.9.9', ns2: '1.0.0.1' })
    expect((await admin.patch(at(hsv, 'settings'), {})).status).toBe(400)
    expect((await admin.patch(at(hsv, 'settings'), { nameservers: ['a', 'b'] })).status).toBe(400)
    const log = await admin.get(seed(hsv, 'actions'))
    expect(log.status).toBe(200)
    expect(log.body[0]).toMatchObject({ name: expect.any(String), state: expect.stringMatching(/^(done|running|failed)$/) })
    await actionDone(admin, hsv, r.body.action_id)
    expect((await admin.get(at(hsv, 'backups'))).body).toEqual([])
  })

  it('enters and leaves recovery mode', async () => {
    expect((await admin.post(at(hsv, 'recovery'), { root_password: 'short' })).status).toBe(400)
    const on = await admin.post(at(hsv, 'recovery'), { root_password: 'Rescue-Me-2026' })
    expect(on.status, JSON.stringify(on.body)).toBe(200)
    await actionDone(admin, hsv, on.body.action_id)
    await waitForServer(admin, hsv.id, s => s.raw_status === 'recovery')
    const off = await admin.del(at(hsv, 'recovery'))
    expect(off.status, JSON.stringify(off.body)).toBe(200)
    await actionDone(admin, hsv, off.body.action_id)
    await waitForServer(admin, hsv.id, s => s.raw_status === 'running')
  })

  it('restores one of the seeded VM\'s backups', async () => {
    const seeded = (await allServers(admin, 'account=hostinger')).items.find((s: any) => s.upstream_id === '1268054')
    const list = await admin.get(at(seeded, 'backups'))
    expect(list.status).toBe(200)
    expect(list.body.length).toBeGreaterThan(0)
    expect(list.body[0]).toMatchObject({ id: expect.any(String), size_bytes: expect.any(Number), location: expect.any(String) })
    expect((await admin.post(at(seeded, 'backups/999/restore'))).status).toBe(404)
    const r = await admin.post(seed(seeded, `backups/${list.body[0].id}/restore`))
    expect([200, 409], JSON.stringify(r.body)).toContain(r.status)
  })
})

describe('providers that cannot', () => {
  it('answer 501 with the capability\'s reason', async () => {
    const all = (await allServers(admin)).items
    const of = (type: string) => all.find((s: any) => s.account.type === type && !s.gone)
    const cases: [string, string, string, RegExp][] = [
      ['virtua', 'get', 'metrics', /Virtua.* no usage statistics/],
      ['inferno', 'get', 'snapshots', /Inferno.* no snapshot/],
      ['virtfusion', 'post', 'snapshots', /VirtFusion.* no snapshots/],
      ['virtfusion', 'get', 'ptr', /reverse DNS/],
      ['virtfusion', 'get', 'actions', /GET \/queue/],
      ['virtua', 'patch', 'settings', /hostname/],
    ]
    for (const [type, method, what, reason] of cases) {
      const s = of(type)
      const body = method === 'patch' ? { hostname: 'a.example.com' } : undefined
      for (const url of [at(s, what), seed(s, what)]) {
        const r = await admin.req(method.toUpperCase(), url, body)
        expect(r.status, `${type} ${method} ${url} ${JSON.stringify(r.body)}`).toBe(501)
        expect(r.body).toMatchObject({ code: 'not_supported' })
        expect(r.body.error).toMatch(reason)
      }
    }
  })
})

describe('customers', () => {
  it('another customer\'s server is 404 on every route and path', async () => {
    const { client: cora, user } = await customerClient(admin)
    const { client: dan } = await customerClient(admin, 'Dan')
    expect((await admin.patch(`/api/servers/${hsv.id}`, { owner_id: user.id })).status).toBe(200)
    const routes: [string, string, unknown?][] = [
      ['GET', 'metrics'], ['GET', 'snapshots'], ['POST', 'snapshots'], ['DELETE', 'snapshots'], ['POST', 'snapshots/restore'],
      ['GET', 'backups'], ['POST', 'backups/1/restore'], ['GET', 'ptr'], ['PUT', 'ptr', { ip: hsv.ipv4[0], domain: 'a.example.com' }],
      ['DELETE', 'ptr', { ip: hsv.ipv4[0] }], ['POST', 'recovery', { root_password: 'Rescue-Me-2026' }], ['DELETE', 'recovery'],
      ['GET', 'actions'], ['PATCH', 'settings', { hostname: 'b.example.com' }],
    ]
    for (const [method, what, body] of routes) {
      for (const url of [at(hsv, what), seed(hsv, what)]) {
        const r = await dan.req(method, url, body)
        expect(r.status, `${method} ${url} ${JSON.stringify(r.body)}`).toBe(404)
      }
    }
    expect((await dan.get(at(hsv, 'features'))).status).toBe(404)
    // The owner of a server assigned without an order (no plan to narrow it): every feature but the paid ones.
    expect((await cora.get(at(hsv, 'actions'))).status).toBe(200)
    expect((await cora.get(at(hsv, 'features'))).body).toEqual({ features: [...DEFAULT_CUSTOMER_FEATURES] })
    expect((await cora.get(at(hsv, 'metrics'))).status).toBe(200)
    expect((await admin.patch(`/api/servers/${hsv.id}`, { owner_id: null })).status).toBe(200)
  })

  it('a plan grants what it lists: graphs and reverse DNS yes, snapshots no until the admin adds them', async () => {
    const cora = await customerClient(admin)
    const key = await addKeychainKey(admin, cora.user.id)
    const plan = await createPlan(admin, 'hostinger')
    expect(plan.customer_features).toContain('snapshots')
    const narrowed = await admin.patch(`/api/plans/${plan.id}`, { customer_features: ['graphs', 'ptr'] })
    expect(narrowed.status, JSON.stringify(narrowed.body)).toBe(200)
    expect(narrowed.body.customer_features).toEqual(['graphs', 'ptr'])
    expect((await admin.patch(`/api/plans/${plan.id}`, { customer_features: ['teleport'] })).status).toBe(400)

    const placed = await order(cora.client, { plan_id: plan.id, hostname: uniqueHost('ops'), ssh_key_ids: [key.id] })
    expect(placed.status, JSON.stringify(placed.body)).toBeLessThan(300)
    const done = await waitOrder(cora.client, placed.body.id)
    expect(done.status, JSON.stringify(done)).toBe('completed')
    // The admin's view: the seed routes need the account and upstream id a customer's view leaves out.
    const mine = (await admin.get(`/api/servers/${done.server_id}`)).body
    expect((await cora.client.get(at(mine, 'features'))).body).toEqual({ features: ['graphs', 'ptr'] })
    expect((await cora.client.get(at(mine, 'metrics'))).status).toBe(200)
    expect((await cora.client.get(seed(mine, 'ptr'))).status).toBe(200)
    const snap = await cora.client.post(at(mine, 'snapshots'))
    expect(snap.status).toBe(403)
    expect(snap.body).toMatchObject({ code: 'feature_not_in_plan' })
    expect((await cora.client.get(at(mine, 'snapshots'))).status).toBe(403)

    await admin.patch(`/api/plans/${plan.id}`, { customer_features: ['graphs', 'ptr', 'snapshots'] })
    expect((await cora.client.get(at(mine, 'snapshots'))).status).toBe(200)
  }, 120_000)
})
