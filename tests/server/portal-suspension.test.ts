/**
 * An admin suspends a customer's server with a reason: VirtFusion's own suspension, elsewhere a
 * stop plus a panel lock. Either way the customer sees why and cannot start it.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, adminClient, customerClient } from './helpers'
import { configureSandboxAccounts, upstream, waitForServer } from './servers-helpers'
import { createPlan, order, uniqueHost, waitOrder } from './portal-helpers'

let admin: Client
let cust: { client: Client, user: any }
let other: Client
const servers: Record<string, string> = {}

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  cust = await customerClient(admin, 'Sue Suspended')
  other = (await customerClient(admin, 'Oscar Other')).client
  for (const [type, template] of [['virtfusion', '46'], ['virtua', 'debian-10-64']] as const) {
    const plan = await createPlan(admin, type)
    const done = await waitOrder(cust.client, (await order(cust.client, { plan_id: plan.id, template, hostname: uniqueHost(`sus-${type}`) })).body.id)
    expect(done.status, JSON.stringify(done)).toBe('completed')
    servers[type] = done.server_id
  }
}, 180_000)

describe('admin suspension', () => {
  it('only admins suspend, with a reason', async () => {
    expect((await cust.client.post(`/api/admin/servers/${servers.virtua}/suspend`, { reason: 'mine' })).status).toBe(403)
    expect((await other.post(`/api/admin/servers/${servers.virtua}/unsuspend`)).status).toBe(403)
    expect((await admin.post(`/api/admin/servers/${servers.virtua}/suspend`, {})).status).toBe(400)
    expect((await admin.post('/api/admin/servers/00000000-0000-4000-8000-000000000000/suspend', { reason: 'nobody' })).status).toBe(404)
  })

  it('VirtFusion: its own suspension; the customer sees the reason and cannot start it', async () => {
    const id = servers.virtfusion
    const reason = 'Unpaid invoice #1042'
    const r = await admin.post(`/api/admin/servers/${id}/suspend`, { reason })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ status: 'suspended', method: 'provider', server: { admin_locked: true, lock_reason: reason, status: 'suspended' } })
    const up = (await upstream('virtfusion', 'GET', `/servers/${r.body.server.upstream_id}`)).body.data
    expect(up.suspended).toBe(true)

    const seen = (await cust.client.get(`/api/servers/${id}`)).body
    expect(seen).toMatchObject({ admin_locked: true, lock_reason: reason, status: 'suspended' })
    const start = await cust.client.post(`/api/servers/${id}/actions/start`)
    expect(start.status).toBe(409)
    expect(start.body.error).toContain(reason)
    const notes = (await cust.client.get('/api/notifications')).body.items
    expect(notes.find((n: any) => n.link === `/servers/${id}` && n.level === 'warning')).toMatchObject({ body: reason })

    const lifted = await admin.post(`/api/admin/servers/${id}/unsuspend`)
    expect(lifted.status).toBe(200)
    expect(lifted.body.server).toMatchObject({ admin_locked: false, lock_reason: null })
    expect((await upstream('virtfusion', 'GET', `/servers/${r.body.server.upstream_id}`)).body.data.suspended).toBe(false)
    await waitForServer(cust.client, id, s => s.status === 'running')
  })

  it('Virtua.cloud (no suspend API): stopped and locked; the customer cannot start it until it is lifted', async () => {
    const id = servers.virtua
    const reason = 'Abuse report: outgoing spam'
    const r = await admin.post(`/api/admin/servers/${id}/suspend`, { reason })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ method: 'stopped and locked', server: { admin_locked: true, lock_reason: reason } })
    const stopped = await waitForServer(cust.client, id, s => s.status === 'stopped')
    expect(stopped).toMatchObject({ admin_locked: true, lock_reason: reason })
    // The customer's view names no upstream id (white label): the admin's does.
    const upstreamId = (await admin.get(`/api/servers/${id}`)).body.upstream_id
    expect((await upstream('virtua', 'GET', `/cloud-server/${upstreamId}`)).body.status).toBe('stopped')

    const start = await cust.client.post(`/api/servers/${id}/actions/start`)
    expect(start.status).toBe(409)
    expect(start.body.error).toContain(reason)
    expect((await upstream('virtua', 'GET', `/cloud-server/${upstreamId}`)).body.status).toBe('stopped')
    // Another customer does not even learn it exists.
    expect((await other.post(`/api/servers/${id}/actions/start`)).status).toBe(404)

    const lifted = await admin.post(`/api/admin/servers/${id}/unsuspend`)
    expect(lifted.status, JSON.stringify(lifted.body)).toBe(200)
    const running = await waitForServer(cust.client, id, s => s.status === 'running')
    expect(running.admin_locked).toBe(false)
    const stop = await cust.client.post(`/api/servers/${id}/actions/stop`)
    expect(stop.status, JSON.stringify(stop.body)).toBe(200)
  })
})
