/** Virtua.cloud adapter against the simulator, over real HTTP: results and the requests sent. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials'
import { startSandbox, type Sandbox } from '../../../sandbox/server'
import { NotSupportedError } from '../../../server/providers/errors'
import type { VirtuaAdapter } from '../../../server/providers/virtua'
import { lastRequest, makeAdapter, PROJECT, settle, STOPPED_SERVER, SUSPENDED_SERVER, TRANSITION_MS, virtuaRequests, WIN_SERVER } from './virtua-helpers'

let sb: Sandbox
let adapter: VirtuaAdapter
beforeAll(async () => {
  sb = await startSandbox({ transitionMs: TRANSITION_MS })
  adapter = makeAdapter(sb)
})
afterAll(async () => { await sb.close() })
beforeEach(() => sb.reset())

describe('Virtua.cloud connection and billing', () => {
  it('tests the connection with GET /account and names the balance', async () => {
    const r = await adapter.testConnection()
    expect(r.message).toBe('Virtua.cloud connection successful. Balance: 93.64 EUR')
    const req = lastRequest(sb)
    expect(req).toMatchObject({ method: 'GET', path: '/account' })
    // The raw key after "Basic ", as the reference shows, not base64(user:pass).
    expect(req.headers.authorization).toBe(`Basic ${SANDBOX_CREDENTIALS.virtua.api_key}`)
  })

  it('parses the balance strings', async () => {
    const [b] = await adapter.getBalance()
    expect(b).toMatchObject({ amount: 93.6425, currency: 'EUR', monthlyUsage: 6.459, monthlyEstimate: 37.5633, todayUsage: 1.0714 })
    expect((b!.extra as Record<string, string>).cloud_servers_limit).toBe('8')
    expect(lastRequest(sb).path).toBe('/account')
  })

  it('reads usage against limits, null where no limit exists', async () => {
    const limits = await adapter.getLimits()
    expect(lastRequest(sb)).toMatchObject({ method: 'GET', path: '/cloud/limits' })
    const by = Object.fromEntries(limits.map(l => [l.resource, l]))
    expect(by.cloud_servers).toEqual({ resource: 'cloud_servers', used: 3, limit: 8, unit: null })
    expect(by.vcpus).toEqual({ resource: 'vcpus', used: 5, limit: null, unit: 'vCPU' })
    expect(by.memory_size).toMatchObject({ used: 4096 + 2048 + 4096, limit: null, unit: 'MB' })
    expect(by.root_space).toMatchObject({ used: 140, unit: 'GB' })
    expect(by.ip_address_v6).toMatchObject({ used: 2 })
    expect(by.smtp_enabled).toBeUndefined()
  })

  it('maps the offers to the catalog', async () => {
    const items = await adapter.listCatalog()
    expect(lastRequest(sb).path).toBe('/cloud/offers')
    expect(items).toHaveLength(3)
    expect(items[0]).toMatchObject({
      id: 'vcs-2-intel.par01fr', name: 'vCS-2 (par01fr)', category: 'vcs', price_cents: 1200, currency: 'EUR', period: 'month',
      description: '1 vCPU, 2 GB RAM, 40 GB ssd, 100 Mbps',
    })
    expect(items[2]!.description).toContain('Windows included')
  })

  it('has no subscriptions or payment methods', async () => {
    await expect(adapter.listSubscriptions()).rejects.toBeInstanceOf(NotSupportedError)
    await expect(adapter.listPaymentMethods()).rejects.toMatchObject({ code: 'not_supported', statusCode: 501 })
    expect(virtuaRequests(sb)).toHaveLength(0)
  })
})

describe('Virtua.cloud catalog', () => {
  it('derives data centers from the distinct cloud zones of the offers', async () => {
    const dcs = await adapter.listDatacenters()
    expect(lastRequest(sb)).toMatchObject({ method: 'GET', path: '/cloud/offers' })
    expect(dcs).toEqual([
      { id: 'par01fr', name: 'Paris (Iliad DC2)', location: 'Paris, France', country: 'FR', extra: expect.objectContaining({ timezone: 'Europe/Paris' }) },
      { id: 'fra01de', name: 'Frankfurt (Equinix FR5)', location: 'Frankfurt, Germany', country: 'DE', extra: expect.any(Object) },
    ])
  })

  it('lists plans with numbers parsed from strings', async () => {
    const plans = await adapter.listPlans()
    expect(plans.map(p => p.id)).toEqual(['vcs-2-intel.par01fr', 'vcs-4-intel.par01fr', 'vcs-2-win-ryzen.fra01de'])
    expect(plans[1]).toMatchObject({ name: 'vCS-4', vcpus: 2, memoryMb: 4096, diskGb: 80, price: 24, currency: 'EUR', period: 'month', region: 'par01fr' })
  })

  it('lists systems, leaving Windows out for an offer without it', async () => {
    const all = await adapter.listTemplates()
    expect(all).toHaveLength(5)
    expect(all[0]).toMatchObject({ id: 'debian-10-64', name: 'Debian 10 (64 bits)', family: 'debian' })
    expect(lastRequest(sb).path).toBe('/cloud/systems')

    const linux = await adapter.listTemplates({ plan: 'vcs-2-intel.par01fr' })
    expect(linux.map(t => t.id)).toEqual(['debian-10-64', 'centos-7-64', 'archlinux-latest-64'])
    const win = await adapter.listTemplates({ plan: 'vcs-2-win-ryzen.fra01de' })
    expect(win).toHaveLength(5)
    const forServer = await adapter.listTemplates({ serverId: STOPPED_SERVER })
    expect(forServer.some(t => t.id.startsWith('win'))).toBe(false)
    expect(lastRequest(sb).path).toBe(`/cloud-server/${STOPPED_SERVER}`)
  })
})

describe('Virtua.cloud servers', () => {
  it('lists all servers with statuses from the flags', async () => {
    const servers = await adapter.listServers()
    expect(lastRequest(sb)).toMatchObject({ method: 'GET', path: '/cloud-server' })
    expect(servers.map(s => [s.upstreamId, s.status])).toEqual([
      [WIN_SERVER, 'running'],
      [STOPPED_SERVER, 'stopped'],
      [SUSPENDED_SERVER, 'suspended'],
    ])
    const win = servers[0]!
    expect(win).toMatchObject({
      name: 'vs4023.par01fr.vsys.cloud', hostname: 'vs4023.par01fr.vsys.cloud', rawStatus: 'running',
      os: 'Windows Server 2019 Standard (64 bits)', vcpus: 2, memoryMb: 4096, diskGb: 40,
      region: 'par01fr', plan: 'vcs-2-win-ryzen', createdAt: '2020-02-10T13:53:53', ipv4: [], ipv6: [],
    })
    expect((win.extra as Record<string, unknown>).is_processing).toBe('0')
    expect(servers[1]).toMatchObject({ name: 'web-01', hostname: 'web-01.example.com', region: 'par01fr' })
    expect(servers[2]).toMatchObject({ rawStatus: 'stopped (suspended: Negative balance)', region: 'fra01de' })
  })

  it('reads one server', async () => {
    const s = await adapter.getServer(STOPPED_SERVER)
    expect(lastRequest(sb)).toMatchObject({ method: 'GET', path: `/cloud-server/${STOPPED_SERVER}` })
    expect(s).toMatchObject({ upstreamId: STOPPED_SERVER, status: 'stopped', plan: 'vcs-2-intel.par01fr', os: 'Debian 10 (64 bits)' })
    expect(s.extra).not.toHaveProperty('success')
  })

  it('orders a server into the first project, pending until set up, then running', async () => {
    const created = await adapter.createServer({ plan: 'vcs-4-intel.par01fr', template: 'debian-10-64', hostname: 'app-1.example.com' })
    const reqs = virtuaRequests(sb)
    expect(reqs.map(r => `${r.method} ${r.path}`)).toEqual(['GET /project', 'POST /cloud/order', `GET /cloud-server/${created.upstreamId}`])
    const order = reqs[1]!
    expect(order.headers['content-type']).toContain('application/x-www-form-urlencoded')
    expect(order.body).toEqual({
      offer: 'vcs-4-intel.par01fr', system: 'debian-10-64', project: PROJECT,
      ipv6_enabled: '1', ipv6_enable: '1', ipv6_block_size: '128', hostname: 'app-1.example.com',
    })
    expect(created).toMatchObject({ status: 'pending', hostname: 'app-1.example.com', plan: 'vcs-4-intel.par01fr', region: 'par01fr', vcpus: 2 })
    expect(created.rawStatus).toMatch(/^stopped \(processing: /)
    expect((created.extra as Record<string, unknown>).is_setup).toBe('0')

    await settle(sb)
    const later = await adapter.getServer(created.upstreamId)
    expect(later.status).toBe('running')
    expect((later.extra as Record<string, unknown>).setup_step).toBeNull()
  })

  it('uses the project option or setting and the IPv6 options, without listing projects', async () => {
    await adapter.createServer({ plan: 'vcs-2-intel.par01fr', template: 'centos-7-64', hostname: 'db-1.example.com', options: { project: PROJECT, ipv6: false } })
    expect(virtuaRequests(sb).some(r => r.path === '/project')).toBe(false)
    const order = virtuaRequests(sb).find(r => r.path === '/cloud/order')!
    expect(order.body).toMatchObject({ project: PROJECT, ipv6_enabled: '0', ipv6_enable: '0' })
    expect(order.body).not.toHaveProperty('ipv6_block_size')

    sb.reset()
    const withSetting = makeAdapter(sb, { settings: { project_uuid: PROJECT } })
    await withSetting.createServer({ plan: 'vcs-2-intel.par01fr', template: 'centos-7-64', hostname: 'db-2.example.com', options: { ipv6_block_size: 64 } })
    expect(virtuaRequests(sb).map(r => r.path)[0]).toBe('/cloud/order')
    expect(virtuaRequests(sb)[0]!.body).toMatchObject({ project: PROJECT, ipv6_enabled: '1', ipv6_enable: '1', ipv6_block_size: '64' })
  })

  it('refuses a Windows system on an offer without Windows (provider error)', async () => {
    await expect(adapter.createServer({ plan: 'vcs-2-intel.par01fr', template: 'win2k19-std-en-64', hostname: 'w.example.com' }))
      .rejects.toMatchObject({ code: 'invalid_request', upstreamStatus: 400, message: expect.stringContaining('needs an offer with Windows included') })
  })

  it('checks the data center against the offer zone before ordering', async () => {
    await expect(adapter.createServer({ plan: 'vcs-2-intel.par01fr', dataCenterId: 'fra01de', template: 'debian-10-64', hostname: 'x.example.com' }))
      .rejects.toMatchObject({ code: 'invalid_request' })
    expect(virtuaRequests(sb)).toHaveLength(0)
  })

  it('a new server carries the requested hostname in the list (the engine\'s evidence)', async () => {
    await adapter.createServer({ plan: 'vcs-2-intel.par01fr', template: 'debian-10-64', hostname: 'lost.example.com' })
    sb.requests.length = 0
    const found = (await adapter.listServers()).filter(s => s.hostname === 'lost.example.com')
    expect(found).toHaveLength(1)
    expect(virtuaRequests(sb).every(r => r.method === 'GET')).toBe(true)
  })

  it('stops, starts and restarts, passing through processing', async () => {
    expect(await adapter.power(WIN_SERVER, 'stop')).toMatchObject({ status: 'stopped', message: 'Stop in progress...', code: 'provider_said' })
    expect(lastRequest(sb)).toMatchObject({ method: 'POST', path: `/cloud-server/${WIN_SERVER}/stop` })
    expect((await adapter.getServer(WIN_SERVER)).status).toBe('pending')
    await settle(sb)
    expect((await adapter.getServer(WIN_SERVER)).status).toBe('stopped')

    expect(await adapter.power(WIN_SERVER, 'start')).toMatchObject({ status: 'started' })
    expect(lastRequest(sb).path).toBe(`/cloud-server/${WIN_SERVER}/start`)
    await settle(sb)
    expect((await adapter.getServer(WIN_SERVER)).status).toBe('running')

    expect(await adapter.power(WIN_SERVER, 'restart')).toMatchObject({ status: 'restarted', message: 'Restart in progress...' })
    expect(lastRequest(sb).path).toBe(`/cloud-server/${WIN_SERVER}/restart`)
  })

  it('resizes with the offer and resize_disk as form fields', async () => {
    const r = await adapter.resize(STOPPED_SERVER, { plan: 'vcs-4-intel.par01fr', resizeDisk: true })
    expect(r).toMatchObject({ status: 'resized', message: 'Update in progress...' })
    expect(lastRequest(sb)).toMatchObject({ method: 'POST', path: `/cloud-server/${STOPPED_SERVER}/resize`, body: { offer: 'vcs-4-intel.par01fr', resize_disk: '1' } })
    await settle(sb)
    expect(await adapter.getServer(STOPPED_SERVER)).toMatchObject({ status: 'stopped', plan: 'vcs-4-intel.par01fr', vcpus: 2, memoryMb: 4096, diskGb: 80 })
  })

  it('keeps the disk with resizeDisk false, and refuses an offer from another zone', async () => {
    await adapter.resize(WIN_SERVER, { plan: 'vcs-4-intel.par01fr' })
    expect(lastRequest(sb).body).toEqual({ offer: 'vcs-4-intel.par01fr', resize_disk: '0' })
    await settle(sb)
    expect(await adapter.getServer(WIN_SERVER)).toMatchObject({ diskGb: 40, memoryMb: 4096, status: 'running' })
    await expect(adapter.resize(WIN_SERVER, { plan: 'vcs-2-win-ryzen.fra01de' })).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('cloud zone') })
  })

  it('rebuilds with another system', async () => {
    const r = await adapter.reinstall(STOPPED_SERVER, { template: 'archlinux-latest-64', password: 'ignored' })
    expect(r).toMatchObject({ status: 'reinstalling', message: 'Reinstall in progress...' })
    expect(lastRequest(sb)).toMatchObject({ method: 'POST', path: `/cloud-server/${STOPPED_SERVER}/rebuild`, body: { system: 'archlinux-latest-64' } })
    expect((await adapter.getServer(STOPPED_SERVER)).status).toBe('pending')
    await settle(sb)
    expect(await adapter.getServer(STOPPED_SERVER)).toMatchObject({ status: 'running', os: 'ArchLinux Latest (64 bits)' })
  })

  it('reveals the root password (Administrator on Windows)', async () => {
    expect(await adapter.getRootPassword(STOPPED_SERVER)).toEqual({ username: 'root', password: 'hT4mZ8qNc3sK' })
    expect(lastRequest(sb)).toMatchObject({ method: 'POST', path: `/cloud-server/${STOPPED_SERVER}/password`, body: { password: 'root' } })
    expect(await adapter.getRootPassword(WIN_SERVER)).toMatchObject({ username: 'Administrator' })
  })

  it('destroys a server at once', async () => {
    expect(await adapter.destroy(STOPPED_SERVER, {})).toMatchObject({ status: 'deleted', message: 'Server destroyed.' })
    expect(lastRequest(sb)).toMatchObject({ method: 'DELETE', path: `/cloud-server/${STOPPED_SERVER}` })
    await expect(adapter.getServer(STOPPED_SERVER)).rejects.toMatchObject({ code: 'not_found', statusCode: 404 })
    expect((await adapter.listServers()).map(s => s.upstreamId)).not.toContain(STOPPED_SERVER)
  })
})
