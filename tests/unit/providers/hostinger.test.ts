/** Hostinger adapter against the sandbox: VMs (list, read, buy, set up, power, recreate). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../../sandbox/credentials'
import { createAdapter } from '../../../server/providers/registry'
import type { HostingerAdapter } from '../../../server/providers/hostinger'
import type { HostingerState } from '../../../sandbox/providers/hostinger/state'

const TOKEN = SANDBOX_CREDENTIALS.hostinger.api_key
let sb: Sandbox

function adapter(settings: Record<string, string> = {}) {
  return createAdapter('hostinger', {
    slug: 'hostinger',
    credentials: { apiKey: TOKEN },
    settings: { base_url: sandboxBaseUrl(sb.url, 'hostinger'), ...SANDBOX_CREDENTIALS.hostinger.extra, ...settings },
  }, { sleep: async () => {}, logger: () => {} }) as HostingerAdapter
}
const hits = () => sb.requests.filter(r => r.provider === 'hostinger')
/** The sandbox settles a transition on the first request after it ends: ask until it has. */
const POLL = { timeout: 10_000, interval: 25 }
const simState = () => sb.sims.hostinger.state as HostingerState

beforeAll(async () => { sb = await startSandbox({ transitionMs: 100 }) })
afterAll(async () => { await sb.close() })
beforeEach(() => sb.reset())

describe('hostinger connection', () => {
  it('tests the connection with an authenticated data-center list', async () => {
    const res = await adapter().testConnection()
    expect(res.message).toBe('Hostinger connection successful (3 data centers)')
    const [req] = hits()
    expect(req).toMatchObject({ method: 'GET', path: '/api/vps/v1/data-centers' })
    expect(req!.headers.authorization).toBe(`Bearer ${TOKEN}`)
  })

  it('accepts a token pasted with its "Bearer " scheme', async () => {
    const a = createAdapter('hostinger', {
      slug: 'h', credentials: { apiKey: `Bearer ${TOKEN}` }, settings: { base_url: sandboxBaseUrl(sb.url, 'hostinger') },
    })
    await expect(a.testConnection()).resolves.toMatchObject({ message: expect.stringContaining('successful') })
    expect(hits()[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`)
  })
})

describe('hostinger servers', () => {
  it('lists VMs with their specs, addresses, template and data center', async () => {
    const list = await adapter().listServers()
    expect(list).toHaveLength(2)
    const web = list.find(s => s.upstreamId === '1268054')!
    expect(web).toMatchObject({
      name: 'web-1.example.com', hostname: 'web-1.example.com', status: 'running', rawStatus: 'running',
      ipv4: ['203.0.113.24'], ipv6: ['2a02:4780:2b:1::24'], os: 'Ubuntu 24.04 LTS',
      vcpus: 2, memoryMb: 8192, diskGb: 100, region: 'Frankfurt (fra)', plan: 'KVM 2', createdAt: '2025-01-15T10:30:00Z',
    })
    expect((web.extra as { subscription_id: string }).subscription_id).toBe('Azz353Uhl1xC54pR0')
    const fresh = list.find(s => s.upstreamId === '1268101')!
    // Bought in hPanel, not set up yet: no addresses, template or data center.
    expect(fresh).toMatchObject({ status: 'pending', rawStatus: 'initial', ipv4: [], ipv6: [], os: null, region: null, diskGb: 50 })
    expect(hits().map(r => `${r.method} ${r.path}`)).toEqual(['GET /api/vps/v1/virtual-machines', 'GET /api/vps/v1/data-centers'])
  })

  it('reads one VM, and answers not_found for an unknown one', async () => {
    const a = adapter()
    await expect(a.getServer('1268054')).resolves.toMatchObject({ upstreamId: '1268054', status: 'running' })
    expect(hits()[0]).toMatchObject({ method: 'GET', path: '/api/vps/v1/virtual-machines/1268054' })
    await expect(a.getServer('999999')).rejects.toMatchObject({ code: 'not_found', statusCode: 404, provider: 'Hostinger' })
  })

  it('buys a VM in one call (purchase + setup), which comes up running', async () => {
    const a = adapter()
    expect(a.needsInstallStep).toBe(false)
    const created = await a.createServer({
      plan: 'hostingercom-vps-kvm2-usd-1m', dataCenterId: '13', template: '1077', hostname: 'app-2.example.com',
      password: 'CorrectHorse42Battery', paymentMethodId: '1327363', sshKeyIds: ['325'],
      options: { enable_backups: false, post_install_script_id: '6324', ns1: '9.9.9.9' },
    })
    expect(created).toMatchObject({
      hostname: 'app-2.example.com', status: 'pending', rawStatus: 'creating', vcpus: 2, memoryMb: 8192, diskGb: 100,
      os: 'Debian 12', region: 'Vilnius (vno)', plan: 'KVM 2',
    })
    expect(created.ipv4).toHaveLength(1)
    expect((created.extra as { order: { status: string, subtotal: number } }).order).toMatchObject({ status: 'completed', subtotal: 899 })

    const purchase = hits().find(r => r.method === 'POST')!
    expect(purchase.path).toBe('/api/vps/v1/virtual-machines')
    expect(purchase.body).toEqual({
      item_id: 'hostingercom-vps-kvm2-usd-1m',
      payment_method_id: 1327363,
      setup: {
        template_id: 1077, data_center_id: 13, hostname: 'app-2.example.com', password: 'CorrectHorse42Battery',
        public_key: { name: 'deploy-key', key: expect.stringMatching(/^ssh-ed25519 AAAAC3Nz/) },
        post_install_script_id: 6324, enable_backups: false, ns1: '9.9.9.9',
      },
    })
    // The existing key was reused, not duplicated, and the password never comes back.
    expect(simState().publicKeys).toHaveLength(1)
    expect(JSON.stringify(created)).not.toContain('CorrectHorse42Battery')

    await expect.poll(() => a.getServer(created.upstreamId), POLL).toMatchObject({ status: 'running', rawStatus: 'running' })
    // The list carries the hostname the engine's evidence looks for.
    expect((await a.listServers()).find(s => s.hostname === 'app-2.example.com')).toMatchObject({ upstreamId: created.upstreamId })
    expect(hits().filter(r => r.method === 'POST')).toHaveLength(1)
  })

  it('resolves a template given by name', async () => {
    const created = await adapter().createServer({ plan: 'hostingercom-vps-kvm1-usd-1m', dataCenterId: '19', template: 'ubuntu 22.04 lts', hostname: 'n.example.com' })
    expect(created.os).toBe('Ubuntu 22.04 LTS')
    const purchase = hits().find(r => r.method === 'POST')!
    expect(purchase.body!.setup.template_id).toBe(1002)
    // No payment method given: Hostinger charges the default one.
    expect(purchase.body).not.toHaveProperty('payment_method_id')
    expect(hits()[0]).toMatchObject({ method: 'GET', path: '/api/vps/v1/templates' })
  })

  it('refuses a purchase with an unknown item or payment method (422 → invalid_request, field named)', async () => {
    const a = adapter()
    const bad = a.createServer({ plan: 'hostingercom-vps-kvm9-usd-1m', dataCenterId: '19', template: '1130', hostname: 'x.example.com', paymentMethodId: '42' })
    await expect(bad).rejects.toMatchObject({ code: 'invalid_request', statusCode: 400, upstreamStatus: 422, correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) })
    await expect(bad).rejects.toThrow(/item_id: The selected item id is invalid\.; payment_method_id: The selected payment method id is invalid\./)
    // A hosting item is not a VM.
    await expect(a.createServer({ plan: 'hostingercom-hosting-premium-usd-1y', dataCenterId: '19', template: '1130', hostname: 'x.example.com' }))
      .rejects.toThrow(/item_id/)
    expect(simState().vms).toHaveLength(2)
  })

  it('checks what it can before buying anything', async () => {
    const a = adapter()
    await expect(a.createServer({ plan: 'hostingercom-vps-kvm1-usd-1m', hostname: 'x', template: '1130' })).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/data center/) })
    await expect(a.createServer({ plan: 'hostingercom-vps-kvm1-usd-1m', dataCenterId: '19', template: '1130', hostname: 'x', sshKeyIds: ['325', '326'] })).rejects.toThrow(/one SSH key/)
    await expect(a.createServer({ plan: 'hostingercom-vps-kvm1-usd-1m', dataCenterId: '19', template: '1130', hostname: 'x', sshKeyIds: ['777'] })).rejects.toThrow(/SSH key 777 is not in this Hostinger account/)
    expect(hits().filter(r => r.method === 'POST')).toHaveLength(0)
  })

  it('sets up a VM bought in hPanel (initial → creating → running)', async () => {
    const a = adapter({ default_data_center_id: '29' })
    const res = await a.installServer('1268101', { template: '1130', hostname: 'fresh.example.com', password: 'Another-Secret-99' })
    expect(res.status).toBe('installing')
    const setup = hits().find(r => r.method === 'POST')!
    expect(setup.path).toBe('/api/vps/v1/virtual-machines/1268101/setup')
    expect(setup.body).toEqual({ template_id: 1130, data_center_id: 29, hostname: 'fresh.example.com', password: 'Another-Secret-99' })
    await expect(a.getServer('1268101')).resolves.toMatchObject({ rawStatus: 'creating', status: 'pending', region: 'Phoenix (phx)' })
    await expect.poll(() => a.getServer('1268101'), POLL).toMatchObject({ status: 'running', os: 'Ubuntu 24.04 LTS', hostname: 'fresh.example.com' })
    // Once set up, a second setup is a conflict.
    await expect(a.installServer('1268101', { template: '1130' })).rejects.toMatchObject({ code: 'conflict', statusCode: 409 })
  })

  it('needs a data center to set up a VM that has none', async () => {
    await expect(adapter().installServer('1268101', { template: '1130' })).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/Default data center/) })
    await expect(adapter().installServer('1268101', { template: '1130', dryRun: true })).rejects.toMatchObject({ code: 'not_supported', statusCode: 501 })
  })
})

describe('hostinger power and reinstall', () => {
  it('stops, starts and restarts, passing through the spec\'s transition states', async () => {
    const a = adapter()
    await expect(a.power('1268054', 'stop')).resolves.toMatchObject({ status: 'stopped', message: expect.stringMatching(/action \d+ \(sent\)/) })
    expect(hits().at(-1)).toMatchObject({ method: 'POST', path: '/api/vps/v1/virtual-machines/1268054/stop', rawBody: '' })
    await expect(a.getServer('1268054')).resolves.toMatchObject({ status: 'pending', rawStatus: 'stopping' })
    // Locked by the running action: the upstream's 422 becomes a conflict.
    await expect(a.power('1268054', 'restart')).rejects.toMatchObject({ code: 'conflict', statusCode: 409, upstreamStatus: 422, message: expect.stringMatching(/locked/) })
    await expect.poll(() => a.getServer('1268054'), POLL).toMatchObject({ status: 'stopped' })

    await expect(a.power('1268054', 'start')).resolves.toMatchObject({ status: 'started' })
    await expect(a.getServer('1268054')).resolves.toMatchObject({ rawStatus: 'starting' })
    await expect.poll(() => a.getServer('1268054'), POLL).toMatchObject({ status: 'running' })
    await expect(a.power('1268054', 'restart')).resolves.toMatchObject({ status: 'restarted' })
    await expect(a.getServer('1268054')).resolves.toMatchObject({ rawStatus: 'stopping' })
    // A restart is a full stop then start: two phases of half the transition each.
    expect(simState().vms.find(v => v.id === 1268054)!.transition!.phases.map(p => p.state)).toEqual(['stopping', 'starting'])
    await expect.poll(() => a.getServer('1268054'), POLL).toMatchObject({ status: 'running' })
  })

  it('starting a running VM is accepted and changes nothing (spec)', async () => {
    const a = adapter()
    await expect(a.power('1268054', 'start')).resolves.toMatchObject({ status: 'started', message: expect.stringMatching(/success/) })
    await expect(a.getServer('1268054')).resolves.toMatchObject({ rawStatus: 'running' })
  })

  it('refuses power on a VM that was never set up (conflict)', async () => {
    await expect(adapter().power('1268101', 'start')).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/state: initial/) })
  })

  it('has no hard power-off', async () => {
    await expect(adapter().power('1268054', 'poweroff')).rejects.toMatchObject({ code: 'not_supported', statusCode: 501 })
    expect(hits()).toHaveLength(0)
  })

  it('reinstalls through recreate', async () => {
    const a = adapter()
    await expect(a.reinstall('1268054', { template: '1002', password: 'Sup3rSecretPass' })).resolves.toMatchObject({ status: 'reinstalling' })
    expect(hits().at(-1)).toMatchObject({ method: 'POST', path: '/api/vps/v1/virtual-machines/1268054/recreate', body: { template_id: 1002, password: 'Sup3rSecretPass' } })
    await expect(a.getServer('1268054')).resolves.toMatchObject({ status: 'pending', rawStatus: 'recreating' })
    await expect.poll(() => a.getServer('1268054'), POLL).toMatchObject({ status: 'running', os: 'Ubuntu 22.04 LTS' })
  })

  it('tells a weak password (invalid_request) from a wrong state (conflict)', async () => {
    const a = adapter()
    // A password under 12 characters breaks the spec: the point is Hostinger's refusal.
    await expect(sb.offContract(() => a.reinstall('1268054', { template: '1002', password: 'short' }))).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/password: .*12 characters/) })
    await expect(a.reinstall('1268101', { template: '1002' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/reinstall VM 1268101/) })
    await expect(a.reinstall('1268054', { template: '1002', sshKeyIds: ['325'] })).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(a.reinstall('424242', { template: '1002' })).rejects.toMatchObject({ code: 'not_found' })
  })

  it('leaves suspend, resize, destroy, root password, balance and orders unsupported (501, with the reason)', async () => {
    const a = adapter()
    await expect(a.destroy('1268054', {})).rejects.toMatchObject({ code: 'not_supported', statusCode: 501, message: expect.stringContaining('Hostinger\'s API cannot delete a VM; cancel the subscription in hPanel') })
    await expect(a.suspend('1268054')).rejects.toMatchObject({ code: 'not_supported' })
    await expect(a.unsuspend('1268054')).rejects.toMatchObject({ code: 'not_supported' })
    await expect(a.resize('1268054', { plan: 'x' })).rejects.toMatchObject({ code: 'not_supported', message: expect.stringMatching(/hPanel/) })
    await expect(a.getRootPassword('1268054')).rejects.toMatchObject({ code: 'not_supported' })
    await expect(a.getBalance()).rejects.toMatchObject({ code: 'not_supported', message: expect.stringMatching(/no balance/) })
    await expect(a.getLimits()).rejects.toMatchObject({ code: 'not_supported' })
    await expect(a.listOrders()).rejects.toMatchObject({ code: 'not_supported', message: expect.stringMatching(/cannot list or cancel/) })
    await expect(a.cancelOrder('1')).rejects.toMatchObject({ code: 'not_supported' })
    expect(hits()).toHaveLength(0)
  })
})
