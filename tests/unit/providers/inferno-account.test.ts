import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../../sandbox/credentials'
import { createAdapter } from '../../../server/providers/registry'
import type { InfernoAdapter } from '../../../server/providers/inferno'
import type { InfernoState } from '../../../sandbox/providers/inferno/state'

let sb: Sandbox
beforeAll(async () => { sb = await startSandbox({ transitionMs: 100 }) })
afterAll(async () => { await sb.close() })
beforeEach(() => sb.reset())

const KEY = SANDBOX_CREDENTIALS.inferno.api_key
const adapter = (settings: Record<string, string> = {}) => createAdapter('inferno', {
  slug: 'inferno',
  credentials: { apiKey: KEY },
  settings: { base_url: sandboxBaseUrl(sb.url, 'inferno'), ...SANDBOX_CREDENTIALS.inferno.extra, ...settings },
}, { sleep: async () => {} }) as InfernoAdapter
const hits = () => sb.requests.filter(r => r.provider === 'inferno')
const state = () => sb.sims.inferno.state as InfernoState

// ssh-keygen -t ed25519 -C deploy@ci; fingerprint from `ssh-keygen -lf`.
const NEW_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJewPqaGmtrwr5H2Aga4FNaNcWEoBwYCnqZhquq4gZIu deploy@ci'
const NEW_FP = 'SHA256:+vQEC8az6JHqEfTJnoVvefCnUAWSGpLTo0KF31qE8cg'
const SEED_FP = 'SHA256:P33ANpwJvZGRSTvNmqZUTAXYK/2QZxrtQGdCv3hP/bA'

describe('Inferno connection and billing', () => {
  it('tests the connection with orders (a documented shape), the balance only as extra', async () => {
    await expect(adapter().testConnection()).resolves.toEqual({ message: 'Inferno connection successful: 3 order(s). Balance: 150.00 EUR', code: 'connected_orders_balance', params: { provider: 'Inferno', count: 3, balance: '150.00 EUR' } })
    expect(hits().map(r => r.query.action)).toEqual(['orders', 'balance'])
    expect(hits()[0]).toMatchObject({ method: 'POST', body: { cid: '777' } })
    expect(hits()[0]!.headers['x-key']).toBe(KEY)
  })

  it('reads a renamed balance field, and shows "unknown", not an error, when there is none', async () => {
    try {
      // Renamed: the only numeric field of the answer is the balance.
      sb.setStrict('inferno', 'rename')
      await expect(adapter().testConnection()).resolves.toEqual({ message: 'Inferno connection successful: 3 order(s). Balance: 150.00 EUR', code: 'connected_orders_balance', params: { provider: 'Inferno', count: 3, balance: '150.00 EUR' } })
      sb.setStrict('inferno', 'omit')
      await expect(adapter().testConnection()).resolves.toEqual({ message: 'Inferno connection successful: 3 order(s). Balance: unknown', code: 'connected_orders', params: { provider: 'Inferno', count: 3 } })
    }
    finally { sb.setStrict('inferno', 'off') }
  })

  it('reads the balance, labelled with the currency setting', async () => {
    await expect(adapter().getBalance()).resolves.toEqual([{ amount: 150, currency: 'EUR', extra: { result: 'success', balance: '150.00' } }])
    await expect(adapter({ currency: 'USD' }).getBalance()).resolves.toMatchObject([{ currency: 'USD' }])
  })

  it('lists orders from the keyed object; only Pending ones are cancellable', async () => {
    const orders = await adapter().listOrders()
    expect(orders.map(o => [o.id, o.number, o.amount, o.status, o.cancellable])).toEqual([
      ['47012', '8634521100', 5, 'Active', false],
      ['47013', '8634522200', 10, 'Active', false],
      ['47200', '8634530000', 20, 'Pending', true],
    ])
    expect(orders[2]!.extra).toEqual({ id: '47200', ordernum: '8634530000', amount: '20.00', invoiceid: '366000', status: 'Pending' })
    expect(hits()[0]).toMatchObject({ method: 'POST', query: { action: 'orders' } })
  })

  it('cancels a Pending order and refuses an Active one with a clear conflict', async () => {
    const a = adapter()
    await expect(a.cancelOrder('47200')).resolves.toEqual({ status: 'cancelled' })
    expect(hits()[0]).toMatchObject({ method: 'POST', query: { action: 'cancel' }, body: { cid: '777', orderid: '47200' } })
    expect((await a.listOrders()).map(o => o.id)).toEqual(['47012', '47013'])
    await expect(a.cancelOrder('47200')).rejects.toMatchObject({ code: 'not_found' })
    await expect(a.cancelOrder('47013')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('only cancel unpaid (Pending) orders') })
  })

  it('lists services (adapter-specific), reads one, and maps them to subscriptions', async () => {
    const a = adapter()
    const services = await a.listServices()
    expect(services.map(s => [s.id, s.orderId, s.planId, s.name, s.status, s.ip, s.amount])).toEqual([
      ['49650', '47012', '303', 'Linux Lite', 'Active', '37.1.0.111', 5],
      ['49651', '47013', '304', 'Linux Start', 'Active', '37.1.0.112', 10],
      ['49700', '47200', '305', 'Linux Pro', 'Pending', null, 20],
    ])
    expect(services[0]!.nextDueAt! > new Date().toISOString().slice(0, 10)).toBe(true)

    const one = await a.getService('49651')
    expect(one).toMatchObject({ id: '49651', orderId: '47013', planId: '304', status: 'Active' })
    expect(one.extra).toMatchObject({ ram: '2048', ostpl: 'ubuntu22-64-default' })
    expect(hits().at(-1)).toMatchObject({ method: 'POST', query: { action: 'getService' }, body: { serviceid: '49651' } })
    await expect(a.getService('1')).rejects.toMatchObject({ code: 'not_found' })

    const subs = await a.listSubscriptions()
    expect(subs[0]).toMatchObject({ id: '49650', name: 'Linux Lite', status: 'Active', plan: '303', price: 5, currency: 'EUR', renews_at: services[0]!.nextDueAt })
    expect(subs[2]).toMatchObject({ status: 'Pending', renews_at: null })
  })
})

describe('Inferno catalog', () => {
  it('lists plans from list.products (strings parsed)', async () => {
    const plans = await adapter().listPlans()
    expect(plans.map(p => [p.id, p.name, p.vcpus, p.memoryMb, p.diskGb, p.price, p.currency, p.period])).toEqual([
      ['303', 'Linux Lite', 1, 1024, 20, 5, 'EUR', 'monthly'],
      ['304', 'Linux Start', 2, 2048, 40, 10, 'EUR', 'monthly'],
      ['305', 'Linux Pro', 4, 8192, 80, 20, 'EUR', 'monthly'],
    ])
    expect(hits()[0]).toMatchObject({ method: 'GET', query: { action: 'list' } })
  })

  it('lists templates from list.ostpls', async () => {
    const t = await adapter().listTemplates()
    expect(t.map(x => x.id)).toEqual(['debian12-64-default', 'ubuntu22-64-default', 'ubuntu24-64-default', 'centos7-64-default', 'almalinux9-64-default'])
    expect(t[0]).toMatchObject({ name: 'Debian 12 x64', family: 'debian' })
  })

  it('lists the product catalog in cents', async () => {
    const c = await adapter().listCatalog()
    expect(c[1]).toMatchObject({ id: '304', category: 'vps', price_cents: 1000, currency: 'EUR', description: '2 vCPU, 2048 MB RAM, 40 GB disk' })
  })

  it('the list action needs no key upstream', async () => {
    const res = await fetch(`${sandboxBaseUrl(sb.url, 'inferno')}?action=list`)
    expect(await res.json()).toMatchObject({ result: 'success', products: expect.any(Array) })
  })
})

describe('Inferno SSH keys', () => {
  it('lists keys, computing the fingerprint from the key text', async () => {
    await expect(adapter().listSshKeys()).resolves.toEqual([
      { id: '1', name: 'laptop', fingerprint: SEED_FP, public_key: state().sshkeys[0]!.sshkey },
    ])
    expect(hits()[0]).toMatchObject({ method: 'POST', query: { action: 'sshkey.list' } })
  })

  it('adds a key (POST, JSON body) and finds its id by re-reading the list', async () => {
    const key = await adapter().addSshKey({ name: 'ci', public_key: `${NEW_KEY}\n` })
    expect(key).toEqual({ id: '2', name: 'ci', fingerprint: NEW_FP, public_key: NEW_KEY })
    expect(hits().map(r => `${r.method} ${r.query.action}`)).toEqual(['POST sshkey.add', 'POST sshkey.list'])
    expect(hits()[0]).toMatchObject({ body: { cid: '777', sshkey: NEW_KEY, name: 'ci' } })
    expect(hits()[0]!.headers['content-type']).toContain('application/json')
    expect(hits()[0]!.headers['x-key']).toBe(KEY)
  })

  it('maps a duplicate key to conflict and a malformed one to invalid_request', async () => {
    await expect(adapter().addSshKey({ name: 'dup', public_key: state().sshkeys[0]!.sshkey })).rejects.toMatchObject({ code: 'conflict' })
    await expect(adapter().addSshKey({ name: 'bad', public_key: 'not a key' })).rejects.toMatchObject({ code: 'invalid_request' })
  })

  it('removes a key by id; an unknown id is not_found', async () => {
    await adapter().deleteSshKey('1')
    expect(hits()[0]).toMatchObject({ method: 'POST', query: { action: 'sshkey.remove' }, body: { id: '1' } })
    expect(state().sshkeys).toHaveLength(0)
    expect(state().orders[0]!.vps!.sshkeyIds).toEqual([])
    await expect(adapter().deleteSshKey('1')).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('Inferno unsupported operations', () => {
  it('answers 501 without calling upstream', async () => {
    const a = adapter()
    const calls: [string, () => Promise<unknown>][] = [
      ['data centers', () => a.listDatacenters()],
      ['suspend', () => a.suspend('47012')],
      ['unsuspend', () => a.unsuspend('47012')],
      ['resize', () => a.resize('47012', { plan: '305' })],
      ['dns', () => a.getDnsZone('example.com')],
      ['domains', () => a.listDomains()],
      ['payment methods', () => a.listPaymentMethods()],
      ['limits', () => a.getLimits()],
    ]
    for (const [, fn] of calls) await expect(fn()).rejects.toMatchObject({ code: 'not_supported', statusCode: 501, provider: 'Inferno' })
    await expect(a.suspend('47012')).rejects.toThrow(/no suspend or unsuspend/)
    expect(hits()).toHaveLength(0)
  })
})
