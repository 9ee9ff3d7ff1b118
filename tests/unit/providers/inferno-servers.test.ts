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
const adapter = () => createAdapter('inferno', {
  slug: 'inferno',
  credentials: { apiKey: KEY },
  settings: { base_url: sandboxBaseUrl(sb.url, 'inferno'), ...SANDBOX_CREDENTIALS.inferno.extra },
}, { sleep: async () => {} }) as InfernoAdapter
const hits = () => sb.requests.filter(r => r.provider === 'inferno')
const actions = () => hits().map(r => `${r.method} ${r.query.action}`)
const state = () => sb.sims.inferno.state as InfernoState
/** The sandbox settles a transition on the first request after it ends: ask until it has. */
const POLL = { timeout: 10_000, interval: 25 }

describe('Inferno servers', () => {
  it('lists orders as servers: getinfo for Active ones, Pending ones from the list alone', async () => {
    const servers = await adapter().listServers()
    expect(servers.map(s => [s.upstreamId, s.status, s.rawStatus])).toEqual([
      ['47012', 'running', 'Включен'],
      ['47013', 'stopped', 'Выключен'],
      ['47200', 'pending', 'Pending'],
    ])
    const on = servers[0]!
    expect(on).toMatchObject({ name: '37-1-0-111', ipv4: ['37.1.0.111'], hostname: null })
    expect(on.extra).toMatchObject({ orderStatus: 'Active', vps_info: { main_id: '21968', real_state: 'Включен' } })
    // The root password is only handed out by getRootPassword, never in `extra`.
    expect(JSON.stringify(servers)).not.toContain('Xk3vP9qLm2Rw')
    // Reads in the doc's JSON style: POST, cid in the body, the key in X-Key.
    // (`list` is the documented bare GET; services and list give each order's product.)
    expect(actions().sort()).toEqual(['GET list', 'POST getinfo', 'POST getinfo', 'POST orders', 'POST services'])
    // vCPU, RAM, disk and plan come from the order's product in the list.
    expect(on).toMatchObject({ vcpus: 1, memoryMb: 1024, diskGb: 20, plan: 'Linux Lite' })
    const infos = hits().filter(r => r.query.action === 'getinfo').map(r => r.body?.orderid).sort()
    expect(infos).toEqual(['47012', '47013'])
    for (const r of hits().filter(h => h.query.action !== 'list')) {
      expect(r.path).toBe('/')
      expect(r.headers['x-key']).toBe(KEY)
      expect(r.headers['content-type']).toContain('application/json')
      expect(r.body?.cid).toBe('777')
      expect(r.query.key).toBeUndefined()
    }
  })

  it('lists every order when a getinfo fails: that server marked, not the whole list failed', async () => {
    sb.faults.add('inferno', { status: 500, match: 'action=getinfo', count: 3 })
    const servers = await adapter().listServers()
    expect(servers.map(s => s.upstreamId)).toEqual(['47012', '47013', '47200'])
    const marked = servers.filter(s => s.detailError)
    expect(marked.length).toBeGreaterThan(0)
    for (const s of marked) expect(s).toMatchObject({ status: 'unknown', detailError: expect.stringMatching(/Inferno/) })
    expect(servers.find(s => s.upstreamId === '47200')).toMatchObject({ status: 'pending' })
  })

  it('reads one server with getinfo', async () => {
    const s = await adapter().getServer('47013')
    expect(s).toMatchObject({ upstreamId: '47013', status: 'stopped', rawStatus: 'Выключен', ipv4: ['37.1.0.112'] })
    expect(hits()[0]).toMatchObject({ method: 'POST', query: { action: 'getinfo' }, body: { orderid: '47013', cid: '777' } })
  })

  it('shows a Pending order read directly as pending, and an unknown one as not_found', async () => {
    await expect(adapter().getServer('47200')).resolves.toMatchObject({ status: 'pending', rawStatus: 'Pending', ipv4: [] })
    await expect(adapter().getServer('99999')).rejects.toMatchObject({ code: 'not_found', statusCode: 404, provider: 'Inferno' })
  })

  it('creates an order (one POST, pid in the JSON body) and needs an install step', async () => {
    const a = adapter()
    expect(a.needsInstallStep).toBe(true)
    const s = await a.createServer({ plan: '303', hostname: 'web1' })
    expect(s).toMatchObject({ upstreamId: '47201', status: 'pending', rawStatus: 'Pending', plan: '303' })
    expect(s.extra).toMatchObject({ productids: '49701' })
    expect(hits()).toHaveLength(1)
    const r = hits()[0]!
    expect(r).toMatchObject({ method: 'POST', query: { action: 'create' }, body: { cid: '777', pid: '303' } })
    expect(r.headers['content-type']).toContain('application/json')
    expect(r.headers['x-key']).toBe(KEY)
  })

  it('refuses to install before the order is paid, then installs it (run=0 then run=1) once Active', async () => {
    const a = adapter()
    const { upstreamId: id } = await a.createServer({ plan: '303', hostname: 'web1' })
    await expect(a.installServer(id, { template: 'debian12-64-default', sshKeyIds: ['1'] }))
      .rejects.toMatchObject({ code: 'conflict', statusCode: 409, message: expect.stringContaining('not paid') })

    await expect.poll(() => a.getServer(id), POLL).toMatchObject({ status: 'pending', rawStatus: 'Active' })
    expect(state().balance).toBe(145)
    sb.requests.length = 0
    await expect(a.installServer(id, { template: 'debian12-64-default', sshKeyIds: ['1'] })).resolves.toMatchObject({ status: 'installing' })
    expect(hits().map(r => [r.method, r.query.action, r.body?.run, r.body?.ostpl, r.body?.sshkey_ids, r.body?.orderid]))
      .toEqual([['POST', 'install', 0, 'debian12-64-default', '1', id], ['POST', 'install', 1, 'debian12-64-default', '1', id]])

    const installing = await a.getServer(id)
    expect(installing).toMatchObject({ status: 'pending', rawStatus: 'Устанавливается', ipv4: ['37.1.0.113'] })
    await expect.poll(() => a.getServer(id), POLL).toMatchObject({ status: 'running', rawStatus: 'Включен' })
    expect(state().orders.find(o => String(o.id) === id)!.vps!.sshkeyIds).toEqual([1])
  })

  it('only validates on a dry run (run=0)', async () => {
    const a = adapter()
    const { upstreamId: id } = await a.createServer({ plan: '303', hostname: 'x' })
    await expect.poll(() => a.getServer(id), POLL).toMatchObject({ rawStatus: 'Active' })
    sb.requests.length = 0
    await expect(a.installServer(id, { template: 'ubuntu22-64-default', dryRun: true })).resolves.toMatchObject({ status: 'validated' })
    expect(hits().map(r => r.body?.run)).toEqual([0])
    expect(state().orders.find(o => String(o.id) === id)!.vps).toBeNull()
  })

  it('maps a second install (error_code 904 "Vps exists") to conflict, a bad template to invalid_request', async () => {
    await expect(adapter().installServer('47012', { template: 'debian12-64-default' }))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('Vps exists with current main_id (21968)') })
    await expect(adapter().installServer('47012', { template: 'windows-xp' }))
      .rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('ostpl') })
    await expect(adapter().installServer('47012', { template: '' })).rejects.toMatchObject({ code: 'invalid_request' })
  })

  it('reinstalls with a dry run first and a new password', async () => {
    const a = adapter()
    const before = state().orders[0]!.vps!.password
    await expect(a.reinstall('47012', { template: 'ubuntu24-64-default', sshKeyIds: [] })).resolves.toEqual({ status: 'reinstalling', message: 'VSCD: VPS added to queue', code: 'provider_said', params: { provider: 'Inferno', text: 'VSCD: VPS added to queue' } })
    expect(hits().map(r => [r.method, r.query.action, r.body?.run])).toEqual([['POST', 'reinstall', 0], ['POST', 'reinstall', 1]])
    await expect(a.getServer('47012')).resolves.toMatchObject({ status: 'pending', rawStatus: 'Переустанавливается' })
    await expect(a.reinstall('47012', { template: 'ubuntu24-64-default' })).rejects.toMatchObject({ code: 'conflict' })
    await expect.poll(() => a.getServer('47012'), POLL).not.toMatchObject({ rawStatus: 'Переустанавливается' })
    const { password } = await a.getRootPassword('47012')
    expect(password).not.toBe(before)
    await expect(a.reinstall('47200', { template: 'ubuntu24-64-default' })).rejects.toMatchObject({ code: 'conflict' })
  })

  it('powers on, off and reboots through boot/stop/reboot POSTs, with transitions', async () => {
    const a = adapter()
    await expect(a.power('47013', 'start')).resolves.toEqual({ status: 'started' })
    expect(hits()[0]).toMatchObject({ method: 'POST', query: { action: 'boot' }, body: { orderid: '47013', cid: '777' } })
    await expect(a.getServer('47013')).resolves.toMatchObject({ status: 'pending', rawStatus: 'Включается' })
    await expect.poll(() => a.getServer('47013'), POLL).toMatchObject({ status: 'running' })

    await expect(a.power('47013', 'restart')).resolves.toEqual({ status: 'restarted' })
    await expect(a.getServer('47013')).resolves.toMatchObject({ status: 'rebooting', rawStatus: 'Перезагружается' })
    await expect.poll(() => a.getServer('47013'), POLL).toMatchObject({ status: 'running' })
    await expect(a.power('47013', 'stop')).resolves.toEqual({ status: 'stopped' })
    await expect(a.getServer('47013')).resolves.toMatchObject({ status: 'pending', rawStatus: 'Выключается' })
    await expect.poll(() => a.getServer('47013'), POLL).toMatchObject({ status: 'stopped' })
    expect(hits().filter(r => !['getinfo', 'orders', 'list', 'services'].includes(r.query.action!)).map(r => r.query.action)).toEqual(['boot', 'reboot', 'stop'])
  })

  it('maps wrong-state power answers to conflict and refuses poweroff as not supported', async () => {
    const a = adapter()
    await expect(a.power('47012', 'start')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already running') })
    await expect(a.power('47013', 'stop')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already stopped') })
    await expect(a.power('47013', 'restart')).rejects.toMatchObject({ code: 'conflict' })
    await expect(a.power('47200', 'start')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('not installed') })
    await expect(a.power('99999', 'start')).rejects.toMatchObject({ code: 'not_found' })
    sb.requests.length = 0
    await expect(a.power('47012', 'poweroff')).rejects.toMatchObject({ code: 'not_supported', statusCode: 501 })
    expect(hits()).toHaveLength(0)
  })

  it('reveals the root password from getinfo, and refuses when no VPS is installed', async () => {
    await expect(adapter().getRootPassword('47012')).resolves.toEqual({ username: 'root', password: 'Xk3vP9qLm2Rw' })
    await expect(adapter().getRootPassword('47200')).rejects.toMatchObject({ code: 'conflict' })
  })

  it('destroys (cancels) a Pending order; an Active one is a conflict with the reason; unknown is not_found', async () => {
    const a = adapter()
    await expect(a.destroy('47200', {})).resolves.toEqual({ status: 'cancelled' })
    expect(hits()[0]).toMatchObject({ method: 'POST', query: { action: 'cancel' }, body: { orderid: '47200' } })
    expect((await a.listServers()).map(s => s.upstreamId)).toEqual(['47012', '47013'])
    await expect(a.getServer('47200')).rejects.toMatchObject({ code: 'not_found' })

    await expect(a.destroy('47012', {})).rejects.toMatchObject({
      code: 'conflict',
      statusCode: 409,
      message: expect.stringContaining('Inferno can only cancel unpaid (Pending) orders; an active server is cancelled from the Inferno panel'),
    })
    await expect(a.destroy('99999', {})).rejects.toMatchObject({ code: 'not_found' })
    expect(state().orders.find(o => o.id === 47012)!.status).toBe('Active')
  })

  it('a lost create took effect once; the new order shows in the order list (the engine\'s evidence)', async () => {
    const a = createAdapter('inferno', {
      slug: 'inferno',
      credentials: { apiKey: KEY },
      settings: { base_url: sandboxBaseUrl(sb.url, 'inferno'), ...SANDBOX_CREDENTIALS.inferno.extra },
    }, { sleep: async () => {}, timeoutMs: 200, logger: () => {} })
    const before = (await a.listServers()).map(s => s.upstreamId)
    sb.faults.add('inferno', { method: 'POST', hangAfter: true, count: 1 })
    await expect(a.createServer({ plan: '304', hostname: 'lost' })).rejects.toMatchObject({ code: 'timeout' })
    expect(hits().filter(r => r.query.action === 'create')).toHaveLength(1)
    const fresh = (await a.listServers()).filter(s => !before.includes(s.upstreamId))
    expect(fresh).toHaveLength(1)
    // A new order id, above every seeded one (ids are never reused, not even across a reset).
    expect(fresh[0]).toMatchObject({ status: 'pending' })
    expect(Number(fresh[0]!.upstreamId)).toBeGreaterThan(47200)
    expect(state().orders).toHaveLength(4)
  })

  it('an order bought after a test\'s unpaid order gets an id of its own, and is paid', async () => {
    const a = createAdapter('inferno', {
      slug: 'inferno',
      credentials: { apiKey: KEY },
      settings: { base_url: sandboxBaseUrl(sb.url, 'inferno'), ...SANDBOX_CREDENTIALS.inferno.extra },
    }, { sleep: async () => {}, logger: () => {} })
    // A purchase first: the newest order is then the counter's last, as on a fresh sandbox.
    await a.createServer({ plan: '304', hostname: 'before-unpaid' })
    const unpaid = await (await fetch(`${sb.url}/__sandbox/inferno/unpaid-order`, { method: 'POST' })).json() as { id: number }
    const bought = await a.createServer({ plan: '304', hostname: 'after-unpaid' })
    expect(Number(bought.upstreamId)).not.toBe(unpaid.id)
    const ids = state().orders.map(o => o.id)
    expect(new Set(ids).size).toBe(ids.length)
    await expect.poll(async () => (await a.getServer(bought.upstreamId)).rawStatus, { timeout: 5000 }).not.toBe('Pending')
  })
})
