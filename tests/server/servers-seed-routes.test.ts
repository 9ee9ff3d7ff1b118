/** The seed's per-account routes (`/api/hosting/providers/{provider}/vms…`) and the wizard's catalog. */
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, adminClient, customerClient } from './helpers'
import { TYPES, configureSandboxAccounts, syncAll, uniqueHost, waitForServer } from './servers-helpers'

let admin: Client
const SEED_VM_KEYS = ['bandwidth_gb', 'cpus', 'created_at', 'disk_gb', 'id', 'ipv4', 'ipv6', 'labels', 'memory_mb', 'name', 'os', 'plan', 'region', 'status']
const base = (t: string) => `/api/hosting/providers/${t}`

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  await syncAll(admin)
})

describe('catalog for the create wizard', () => {
  it('lists plans and templates for every provider', async () => {
    for (const t of TYPES) {
      const plans = await admin.get(`${base(t)}/plans`)
      expect(plans.status, `${t} ${JSON.stringify(plans.body)}`).toBe(200)
      expect(plans.body.length, t).toBeGreaterThan(0)
      expect(plans.body[0]).toMatchObject({ id: expect.any(String), name: expect.any(String) })
      const templates = await admin.get(`${base(t)}/templates`)
      expect(templates.status, t).toBe(200)
      expect(templates.body.length, t).toBeGreaterThan(0)
    }
    const forPlan = await admin.get(`${base('virtfusion')}/templates?plan=1`)
    expect(forPlan.body.map((x: any) => x.id)).not.toContain('40')
    expect((await admin.get(`${base('virtfusion')}/templates?plan=3`)).body.map((x: any) => x.id)).toContain('40')
  })

  it('lists data centers in the seed shape, or 501 where the provider has none', async () => {
    for (const t of ['virtfusion', 'virtua', 'hostinger']) {
      const r = await admin.get(`${base(t)}/datacenters`)
      expect(r.status, t).toBe(200)
      expect(r.body.length).toBeGreaterThan(0)
      for (const d of r.body) expect(Object.keys(d).sort()).toEqual(['country', 'id', 'location', 'name'])
    }
    expect((await admin.get(`${base('hostinger')}/datacenters`)).body).toContainEqual({ id: '19', name: expect.any(String), location: expect.any(String), country: expect.anything() })
    const inferno = await admin.get(`${base('inferno')}/datacenters`)
    expect(inferno.status).toBe(501)
    expect(inferno.body.error).toMatch(/Inferno does not support/)
    expect((await admin.get(`${base('nope')}/plans`)).status).toBe(404)
  })

  it('is for admins only', async () => {
    const { client: cust } = await customerClient(admin)
    for (const p of ['plans', 'templates', 'datacenters']) expect((await cust.get(`${base('hostinger')}/${p}`)).status).toBe(403)
  })
})

describe('seed VM routes', () => {
  it('lists and reads VMs of each account in the seed shape', async () => {
    for (const t of TYPES) {
      const list = await admin.get(`${base(t)}/vms`)
      expect(list.status, `${t} ${JSON.stringify(list.body)}`).toBe(200)
      expect(list.body.length).toBeGreaterThan(0)
      for (const vm of list.body) {
        expect(Object.keys(vm).sort()).toEqual(SEED_VM_KEYS)
        expect(vm.ipv4 === null || typeof vm.ipv4 === 'string').toBe(true)
      }
      const one = await admin.get(`${base(t)}/vms/${encodeURIComponent(list.body[0].id)}`)
      expect(one.status).toBe(200)
      expect(one.body.id).toBe(list.body[0].id)
      expect((await admin.get(`${base(t)}/vms/999999`)).status, t).toBe(404)
    }
    const vf = (await admin.get(`${base('virtfusion')}/vms/101`)).body
    expect(vf).toMatchObject({ id: '101', name: 'web-1.example.com', ipv4: '203.0.113.11', cpus: 2, memory_mb: 4096, bandwidth_gb: 3000 })
    const h = (await admin.get(`${base('hostinger')}/vms/1268054`)).body
    expect(h).toMatchObject({ status: 'running', ipv4: '203.0.113.24', ipv6: '2a02:4780:2b:1::24', bandwidth_gb: 8192 })
  })

  it('creates exactly once with an Idempotency-Key (201, then 200), runs actions and deletes', async () => {
    const key = crypto.randomUUID()
    const body = { plan: 1, data_center_id: 1, template: '46', hostname: uniqueHost('seed') }
    const made = await admin.post(`${base('virtfusion')}/vms`, body, { 'idempotency-key': key })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    expect(Object.keys(made.body).sort()).toEqual(SEED_VM_KEYS)
    expect(made.body.status).toBe('pending')
    const again = await admin.post(`${base('virtfusion')}/vms`, body, { 'idempotency-key': key })
    expect(again.status).toBe(200)
    expect(again.body.id).toBe(made.body.id)

    const row = (await admin.get(`/api/servers?account=virtfusion&per_page=100`)).body.items.find((s: any) => s.upstream_id === made.body.id)
    await waitForServer(admin, row.id, s => s.status === 'running' && !s.needs_install, 45_000)
    const vm = `${base('virtfusion')}/vms/${made.body.id}`
    expect((await admin.post(`${vm}/start`)).status).toBe(409)
    expect((await admin.post(`${vm}/stop`)).body).toEqual({ status: 'stopped', message: expect.any(String) })
    await waitForServer(admin, row.id, s => s.status === 'stopped')
    expect((await admin.post(`${vm}/start`)).body.status).toBe('started')
    await waitForServer(admin, row.id, s => s.status === 'running')
    expect((await admin.post(`${vm}/suspend`)).body).toEqual({ status: 'suspended' })
    expect((await admin.post(`${vm}/unsuspend`)).body).toEqual({ status: 'unsuspended' })
    await waitForServer(admin, row.id, s => s.status === 'running')
    expect((await admin.post(`${vm}/resize`, { plan: '2' })).body.status).toBe('resized')
    expect((await admin.post(`${vm}/reinstall`, { template: '21' })).body).toEqual({ status: 'reinstalling' })
    expect((await admin.post(`${vm}/reinstall`, {})).status).toBe(400)
    expect((await admin.post(`${vm}/explode`)).status).toBe(400)
    await waitForServer(admin, row.id, s => s.status === 'running')
    expect((await admin.del(`${vm}?delay=99999`)).status).toBe(400)
    expect((await admin.del(`${vm}?delay=0`)).body).toEqual({ status: 'deleted' })
    expect((await admin.get(vm)).status).toBe(404)
    expect((await admin.get(`/api/servers/${row.id}`)).body.gone).toBe(true)
  })

  it('answers 501 with the reason for a Hostinger delete', async () => {
    const r = await admin.del(`${base('hostinger')}/vms/1268054`)
    expect(r.status).toBe(501)
    expect(r.body.error).toMatch(/Hostinger's API cannot delete a VM/)
  })

  it('shows customers their own VMs only', async () => {
    const { client: cust, user } = await customerClient(admin, 'Vera VM')
    expect((await cust.get(`${base('virtua')}/vms`)).body).toEqual([])
    const list = (await admin.get('/api/servers?account=virtua&per_page=100')).body.items.filter((s: any) => !s.gone)
    await admin.patch(`/api/servers/${list[0].id}`, { owner_id: user.id })
    const mine = await cust.get(`${base('virtua')}/vms`)
    expect(mine.body.map((v: any) => v.id)).toEqual([list[0].upstream_id])
    expect((await cust.get(`${base('virtua')}/vms/${list[0].upstream_id}`)).status).toBe(200)
    expect((await cust.get(`${base('virtua')}/vms/${list[1].upstream_id}`)).status).toBe(404)
    expect((await cust.post(`${base('virtua')}/vms/${list[1].upstream_id}/stop`)).status).toBe(404)
    expect((await cust.post(`${base('virtua')}/vms`, { plan: 'x', hostname: 'a.example.com' }, { 'idempotency-key': crypto.randomUUID() })).status).toBe(403)
    expect((await cust.del(`${base('virtua')}/vms/${list[0].upstream_id}`)).status).toBe(403)
    await admin.patch(`/api/servers/${list[0].id}`, { owner_id: null })
  })
})
