/**
 * Orders and provisioning against the sandbox: the happy path on each provider, exactly-once
 * placing and creating, a failing step and its retry, cancel, and who may see what.
 */
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, adminClient, customerClient, sandboxAdmin } from './helpers'
import { configureSandboxAccounts, upstream, upstreamRequests } from './servers-helpers'
import { STEP_NAMES, addKeychainKey, createPlan, order, uniqueHost, waitOrder } from './portal-helpers'

let admin: Client
let cora: { client: Client, user: any }
let dan: { client: Client, user: any }
const plans: Record<string, any> = {}
const completed: Record<string, any> = {}

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  cora = await customerClient(admin, 'Cora Orders')
  dan = await customerClient(admin, 'Dan Other')
  for (const t of ['virtfusion', 'virtua', 'hostinger', 'inferno'] as const) plans[t] = await createPlan(admin, t)
})

function stepStatuses(o: any) {
  return Object.fromEntries(o.steps.map((s: any) => [s.name, s.status]))
}

/** Every step logged started then succeeded/skipped, with timestamps. */
function expectStepLogs(o: any) {
  for (const step of STEP_NAMES) {
    const logs = o.logs.filter((l: any) => l.step === step)
    expect(logs.map((l: any) => l.status)[0], step).toBe('started')
    expect(['succeeded', 'skipped'], step).toContain(logs.at(-1).status)
    for (const l of logs) expect(Date.parse(l.at), step).toBeGreaterThan(Date.now() - 600_000)
  }
}

describe('provisioning, happy path on each provider', () => {
  it('VirtFusion: a VirtFusion user per customer, keys in their key list, the server theirs', async () => {
    const k1 = await addKeychainKey(admin, cora.user.id, 'cora-laptop')
    const k2 = await addKeychainKey(admin, cora.user.id, 'cora-desktop')
    const hostname = uniqueHost('vf')
    const placed = await order(cora.client, { plan_id: plans.virtfusion.id, template: '46', hostname, ssh_key_ids: [k1.id, k2.id] })
    expect(placed.status, JSON.stringify(placed.body)).toBe(202)
    expect(placed.body).toMatchObject({ status: 'pending', hostname, template: '46' })
    const done = await waitOrder(cora.client, placed.body.id)
    expect(done.status, JSON.stringify(done)).toBe('completed')
    expect(Object.values(stepStatuses(done)).every(s => s === 'succeeded')).toBe(true)

    const full = (await admin.get(`/api/orders/${done.id}`)).body
    expectStepLogs(full)
    const vfUserId = Number(full.progress.ensure_user.upstream_user_id)
    const upstreamId = full.progress.create.upstream_id

    // Upstream: a user of the customer's own, tied to our customer number; the server and both keys are theirs.
    const server = (await upstream('virtfusion', 'GET', `/servers/${upstreamId}`)).body.data
    expect(server.owner).toMatchObject({ id: vfUserId, email: cora.user.email, extRelationId: expect.any(Number) })
    const byRelation = await upstream('virtfusion', 'GET', `/users/${server.owner.extRelationId}/byExtRelation`)
    expect(byRelation.body.data.id).toBe(vfUserId)
    expect(server.name).toBe(hostname)
    expect(server.sshKeys).toHaveLength(2)
    expect(server.sshKeys.every((k: any) => k.ownerId === vfUserId)).toBe(true)
    const sameHost = (await upstream('virtfusion', 'GET', '/servers?results=200')).body.data.filter((s: any) => s.name === hostname)
    expect(sameHost).toHaveLength(1)

    // Ours: the inventory row belongs to the customer, who can read it.
    const mine = await cora.client.get(`/api/servers/${done.server_id}`)
    expect(mine.status).toBe(200)
    expect(mine.body).toMatchObject({ owner: { id: cora.user.id }, status: 'running' })
    // White label: the customer reads no upstream id; the admin's view has it.
    expect(mine.body.upstream_id).toBeUndefined()
    expect((await admin.get(`/api/servers/${done.server_id}`)).body.upstream_id).toBe(upstreamId)
    expect((await dan.client.get(`/api/servers/${done.server_id}`)).status).toBe(404)

    // Notified, linking to the server.
    const notes = (await cora.client.get('/api/notifications')).body.items
    expect(notes.find((n: any) => n.title === `Your server ${hostname} is ready`)).toMatchObject({ level: 'success', link: `/servers/${done.server_id}` })
    completed.virtfusion = done

    // A second order reuses the same VirtFusion user and finds the keys already there.
    const again = await waitOrder(cora.client, (await order(cora.client, { plan_id: plans.virtfusion.id, template: '46', hostname: uniqueHost('vf2'), ssh_key_ids: [k1.id] })).body.id)
    const againFull = (await admin.get(`/api/orders/${again.id}`)).body
    expect(againFull.progress.ensure_user.upstream_user_id).toBe(String(vfUserId))
    expect(againFull.logs.find((l: any) => l.step === 'push_ssh_keys' && l.status === 'succeeded').message).toMatch(/\(0 added\)/)

    // Each line's sentence is also kept as a code and its specifics, for the order page to translate (issue 15).
    const line = (step: string, status: string) => full.logs.find((l: any) => l.step === step && l.status === status)
    expect(line('ensure_user', 'started').details).toEqual({ message_code: 'step_started', message_params: { step: 'ensure_user' } })
    expect(line('ensure_user', 'succeeded').details).toMatchObject({ upstream_user_id: String(vfUserId), message_code: 'upstream_user_ready', message_params: { user: String(vfUserId) } })
    expect(line('push_ssh_keys', 'succeeded').details).toMatchObject({ message_code: 'keys_ready', message_params: { count: 2, added: 2, missing: 0 } })
    expect(line('create', 'succeeded').details).toMatchObject({ upstream_id: upstreamId, message_code: 'created', message_params: { id: upstreamId } })
    expect(line('assign', 'succeeded').details).toMatchObject({ message_code: 'owned_by', message_params: { email: cora.user.email } })
    expect(line('notify', 'succeeded').details).toEqual({ message_code: 'customer_notified', message_params: {} })
    // The timeline carries the same code for admins.
    expect(full.steps.find((s: any) => s.name === 'create')).toMatchObject({ message: `Created server ${upstreamId}`, message_code: 'created', message_params: { id: upstreamId } })
  })

  it('Virtua.cloud: ordered with the chosen system, no key step', async () => {
    const hostname = uniqueHost('vt')
    const placed = await order(cora.client, { plan_id: plans.virtua.id, template: 'centos-7-64', hostname })
    expect(placed.status).toBe(202)
    const done = await waitOrder(cora.client, placed.body.id)
    expect(done.status, JSON.stringify(done)).toBe('completed')
    expect(stepStatuses(done)).toMatchObject({ ensure_user: 'skipped', push_ssh_keys: 'skipped', create: 'succeeded', install: 'skipped', wait_running: 'succeeded', assign: 'succeeded', notify: 'succeeded' })
    const full = (await admin.get(`/api/orders/${done.id}`)).body
    expectStepLogs(full)
    const up = await upstream('virtua', 'GET', `/cloud-server/${full.progress.create.upstream_id}`)
    expect(up.body).toMatchObject({ hostname, system: { uuid: 'centos-7-64' } })
    expect((await cora.client.get(`/api/servers/${done.server_id}`)).body.owner.id).toBe(cora.user.id)
    completed.virtua = done
  })

  it('Hostinger: bought with setup, the first key at setup and the others attached', async () => {
    const k1 = await addKeychainKey(admin, cora.user.id, 'h-one')
    const k2 = await addKeychainKey(admin, cora.user.id, 'h-two')
    const hostname = uniqueHost('hs')
    const done = await waitOrder(cora.client, (await order(cora.client, { plan_id: plans.hostinger.id, hostname, ssh_key_ids: [k1.id, k2.id] })).body.id)
    expect(done.status, JSON.stringify(done)).toBe('completed')
    expect(done.template).toBe('1077')
    const full = (await admin.get(`/api/orders/${done.id}`)).body
    expectStepLogs(full)
    const vmId = full.progress.create.upstream_id
    const vm = (await upstream('hostinger', 'GET', `/api/vps/v1/virtual-machines/${vmId}`)).body
    expect(vm).toMatchObject({ hostname, template: { id: 1077 } })
    const attached = (await upstream('hostinger', 'GET', `/api/vps/v1/virtual-machines/${vmId}/public-keys`)).body.data
    expect(attached.map((k: any) => String(k.id)).sort()).toEqual([...full.progress.push_ssh_keys.upstream_ids].sort())
    expect(attached).toHaveLength(2)
    completed.hostinger = done
  })

  it('Inferno: the order is paid, then installed with the keys', async () => {
    const k = await addKeychainKey(admin, cora.user.id, 'inf')
    const hostname = uniqueHost('in')
    const done = await waitOrder(cora.client, (await order(cora.client, { plan_id: plans.inferno.id, template: 'ubuntu24-64-default', hostname, ssh_key_ids: [k.id] })).body.id)
    expect(done.status, JSON.stringify(done)).toBe('completed')
    const full = (await admin.get(`/api/orders/${done.id}`)).body
    expectStepLogs(full)
    expect(stepStatuses(full)).toMatchObject({ ensure_user: 'skipped', push_ssh_keys: 'succeeded', install: 'succeeded' })
    const orderId = full.progress.create.upstream_id
    const info = await upstream('inferno', 'GET', `?action=getinfo&cid=777&orderid=${orderId}`)
    expect(info.body).toMatchObject({ orderStatus: 'Active', vps_info: { result: 'success' } })
    const server = (await cora.client.get(`/api/servers/${done.server_id}`)).body
    expect(server).toMatchObject({ status: 'running', owner: { id: cora.user.id } })
    expect(server.ipv4.length).toBe(1)
    completed.inferno = done
  })
})

describe('placing an order is exactly-once per Idempotency-Key', () => {
  it('replays the same order, refuses another body; without the header, a double submit is one order', async () => {
    const key = randomUUID()
    const body = { plan_id: plans.inferno.id, hostname: uniqueHost('idem') }
    const [a, b] = await Promise.all([order(cora.client, body, key), order(cora.client, body, key)])
    expect([a.status, b.status].sort()).toEqual([200, 202])
    expect(a.body.id).toBe(b.body.id)
    const c = await order(cora.client, body, key)
    expect(c.status).toBe(200)
    expect(c.body.id).toBe(a.body.id)
    const other = await order(cora.client, { ...body, hostname: uniqueHost('idem2') }, key)
    expect(other.status).toBe(422)
    // The same key from another customer is another order.
    const dans = await order(dan.client, { ...body, hostname: uniqueHost('dan') }, key)
    expect(dans.status).toBe(202)
    expect(dans.body.id).not.toBe(a.body.id)
    const keyless = { ...body, hostname: uniqueHost('nokey') }
    const [k1, k2] = await Promise.all([cora.client.post('/api/orders', keyless), cora.client.post('/api/orders', keyless)])
    expect([k1.status, k2.status].sort()).toEqual([200, 202])
    expect(k1.body.id).toBe(k2.body.id)
    const badKey = await order(cora.client, { ...body, hostname: uniqueHost('bad') }, 'short')
    expect(badKey.body.code).toBe('idempotency_key_invalid')
    await waitOrder(cora.client, a.body.id)
    await waitOrder(dan.client, dans.body.id)
    await waitOrder(cora.client, k1.body.id)
  })

  it('refuses bad orders with 4xx before anything is bought', async () => {
    const danKey = await addKeychainKey(admin, dan.user.id, 'dan-key')
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ plan_id: plans.inferno.id, hostname: 'not a host!' }, 400, /hostname/],
      [{ plan_id: randomUUID(), hostname: uniqueHost('x') }, 404, /plan/i],
      [{ plan_id: plans.inferno.id, template: 'windows-3.1', hostname: uniqueHost('x') }, 400, /not offered/],
      [{ plan_id: plans.virtfusion.id, hostname: uniqueHost('x') }, 400, /operating system/],
      [{ plan_id: plans.inferno.id, hostname: uniqueHost('x'), ssh_key_ids: [danKey.id] }, 404, /SSH key/],
      [{ plan_id: plans.virtua.id, hostname: uniqueHost('x'), ssh_key_ids: [danKey.id] }, 400, /cannot install SSH keys/],
    ]
    const before = (await cora.client.get('/api/orders')).body.length
    for (const [body, status, message] of cases) {
      const r = await order(cora.client, body)
      expect(r.status, JSON.stringify(body)).toBe(status)
      expect(r.body.error).toMatch(message)
    }
    expect((await cora.client.get('/api/orders')).body.length).toBe(before)
  })
})

describe('a step that fails, then a retry', () => {
  it('a 503 on the build leaves the order failed at install; the retry completes with one upstream server', async () => {
    const since = Date.now()
    await sandboxAdmin('/faults', 'POST', { provider: 'virtfusion', status: 503, match: '/build', method: 'POST' })
    const hostname = uniqueHost('fault')
    let failed
    try {
      const placed = await order(cora.client, { plan_id: plans.virtfusion.id, template: '21', hostname })
      failed = await waitOrder(cora.client, placed.body.id)
    }
    finally { await sandboxAdmin('/faults?provider=virtfusion', 'DELETE') }
    expect(failed.status).toBe('failed')
    expect(failed.failed_step).toBe('install')
    expect(failed.error).toMatch(/Install the operating system/)
    expect(failed.error).not.toMatch(/503|VirtFusion/)
    // The same sentence as a code, for the customer's page to say in its language (issue 15).
    expect(failed).toMatchObject({ error_code: 'stopped_at', error_params: { step: 'install' } })
    expect(failed.steps.find((s: any) => s.name === 'install').status).toBe('failed')

    const adminView = (await admin.get(`/api/orders/${failed.id}`)).body
    expect(adminView.error).toMatch(/503/)
    expect(adminView.error_code).toBeNull()
    // A provider's refusal keeps its own words: its error code, no sentence code.
    const failedLine = adminView.logs.find((l: any) => l.step === 'install' && l.status === 'failed')
    expect(failedLine).toMatchObject({ details: { code: 'upstream_error', upstream_status: 503 } })
    expect(failedLine.details.message_code).toBeUndefined()
    const failedList = (await admin.get('/api/orders?status=failed')).body
    expect(failedList.map((o: any) => o.id)).toContain(failed.id)
    expect(failedList.every((o: any) => o.status === 'failed')).toBe(true)
    const adminNotes = (await admin.get('/api/notifications')).body.items
    expect(adminNotes.some((n: any) => n.link === `/orders/${failed.id}` && n.level === 'error')).toBe(true)

    // Customers cannot retry; admins can, from the failed step.
    expect((await cora.client.post(`/api/orders/${failed.id}/retry`)).status).toBe(403)
    const retried = await admin.post(`/api/orders/${failed.id}/retry`)
    expect(retried.status).toBe(202)
    expect((await admin.post(`/api/orders/${failed.id}/retry`)).status).toBe(409)
    const done = await waitOrder(cora.client, failed.id)
    expect(done.status, JSON.stringify(done)).toBe('completed')
    expect(done.steps.find((s: any) => s.name === 'install').status).toBe('succeeded')

    const full = (await admin.get(`/api/orders/${done.id}`)).body
    expect(full.logs.filter((l: any) => l.step === 'create' && l.status === 'succeeded')).toHaveLength(1)
    const creates = (await upstreamRequests('virtfusion', since)).filter(r => r.method === 'POST' && r.path === '/servers')
    expect(creates).toHaveLength(1)
    const named = (await upstream('virtfusion', 'GET', '/servers?results=200')).body.data.filter((s: any) => s.name === hostname)
    expect(named).toHaveLength(1)
    expect(String(named[0].id)).toBe(full.progress.create.upstream_id)
  })

  it('a create whose answer is lost is settled by looking it up, not by creating again', async () => {
    const since = Date.now()
    // The simulator makes the server, but the answer never comes (the app times out after 2 s).
    await sandboxAdmin('/faults', 'POST', { provider: 'hostinger', hangAfter: true, match: '/virtual-machines', method: 'POST', count: 1 })
    const hostname = uniqueHost('lost')
    try {
      const done = await waitOrder(cora.client, (await order(cora.client, { plan_id: plans.hostinger.id, hostname })).body.id)
      expect(done.status, JSON.stringify(done)).toBe('completed')
      const full = (await admin.get(`/api/orders/${done.id}`)).body
      expect(full.logs.find((l: any) => l.step === 'create' && l.status === 'succeeded').message).toMatch(/answer was lost/)
    }
    finally { await sandboxAdmin('/faults?provider=hostinger', 'DELETE') }
    const buys = (await upstreamRequests('hostinger', since)).filter(r => r.method === 'POST' && r.path === '/api/vps/v1/virtual-machines')
    expect(buys).toHaveLength(1)
    const vms = (await upstream('hostinger', 'GET', '/api/vps/v1/virtual-machines')).body.filter((v: any) => v.hostname === hostname)
    expect(vms).toHaveLength(1)
  })
})

describe('cancel', () => {
  it('a failed order is cancelled and what it created upstream is removed', async () => {
    await sandboxAdmin('/faults', 'POST', { provider: 'virtfusion', status: 503, match: '/build', method: 'POST' })
    let failed
    try { failed = await waitOrder(cora.client, (await order(cora.client, { plan_id: plans.virtfusion.id, template: '46', hostname: uniqueHost('cancel') })).body.id) }
    finally { await sandboxAdmin('/faults?provider=virtfusion', 'DELETE') }
    expect(failed.status).toBe('failed')
    const upstreamId = (await admin.get(`/api/orders/${failed.id}`)).body.progress.create.upstream_id
    expect((await upstream('virtfusion', 'GET', `/servers/${upstreamId}`)).status).toBe(200)

    expect((await dan.client.post(`/api/orders/${failed.id}/cancel`)).status).toBe(404)
    const r = await cora.client.post(`/api/orders/${failed.id}/cancel`)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.status).toBe('cancelled')
    expect((await upstream('virtfusion', 'GET', `/servers/${upstreamId}`)).status).toBe(404)
    expect((await admin.post(`/api/orders/${failed.id}/retry`)).status).toBe(409)
    const full = (await admin.get(`/api/orders/${failed.id}`)).body
    const cancelled = full.logs.find((l: any) => l.step === 'cancel' && l.status === 'succeeded')
    expect(cancelled.message).toMatch(new RegExp(`Server ${upstreamId}: deleted`))
    expect(cancelled.details).toEqual({ message_code: 'removed_upstream', message_params: { id: upstreamId, status: 'deleted' } })
  })

  it('a completed order cannot be cancelled', async () => {
    const r = await admin.post(`/api/orders/${completed.virtua.id}/cancel`)
    expect(r.status).toBe(409)
  })
})

describe('customers only reach their own orders', () => {
  it('another customer gets 404 on read and cancel, and never sees them listed', async () => {
    const id = completed.inferno.id
    expect((await dan.client.get(`/api/orders/${id}`)).status).toBe(404)
    expect((await dan.client.post(`/api/orders/${id}/cancel`)).status).toBe(404)
    expect((await dan.client.get('/api/orders')).body.map((o: any) => o.id)).not.toContain(id)
    expect((await dan.client.get('/api/orders?status=completed')).body.every((o: any) => o.customer === undefined)).toBe(true)
    const own = await cora.client.get(`/api/orders/${id}`)
    expect(own.status).toBe(200)
    // Customers get the steps, never the upstream log, progress or other customers.
    expect(own.body.logs).toBeUndefined()
    expect(own.body.progress).toBeUndefined()
    expect(own.body.steps.every((s: any) => s.message === null && s.message_code === null && s.message_params === null)).toBe(true)
    expect((await admin.get(`/api/orders/${id}`)).body.customer.id).toBe(cora.user.id)
    expect((await dan.client.get(`/api/orders/${randomUUID()}`)).status).toBe(404)
    expect((await dan.client.get('/api/orders/not-a-uuid')).status).toBe(400)
  })
})

export { completed, plans }
