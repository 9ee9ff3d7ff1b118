/** Hostinger adapter: account-level firewalls, rules, activation on a VM and sync, over real HTTP to the simulator. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../../sandbox/credentials'
import { createAdapter } from '../../../server/providers/registry'
import type { HostingerState } from '../../../sandbox/providers/hostinger/state'

let sb: Sandbox
const adapter = () => createAdapter('hostinger', {
  slug: 'hostinger',
  credentials: { apiKey: SANDBOX_CREDENTIALS.hostinger.api_key },
  settings: { base_url: sandboxBaseUrl(sb.url, 'hostinger'), ...SANDBOX_CREDENTIALS.hostinger.extra },
}, { sleep: async () => {}, logger: () => {} })
const hits = () => sb.requests.filter(r => r.provider === 'hostinger').map(r => `${r.method} ${r.path}`)
const simState = () => sb.sims.hostinger.state as HostingerState
const SSH = { protocol: 'SSH', port: '22', source: 'custom', sourceDetail: '198.51.100.0/24' } as const

beforeAll(async () => { sb = await startSandbox({ transitionMs: 100 }) })
afterAll(async () => { await sb.close() })
beforeEach(() => sb.reset())

describe('hostinger firewalls', () => {
  it('creates, lists, reads and deletes a firewall', async () => {
    const a = adapter()
    expect(await a.listFirewalls()).toEqual([])
    const fw = await a.createFirewall({ name: 'Web only' })
    expect(fw).toMatchObject({ id: expect.stringMatching(/^\d+$/), name: 'Web only', synced: false, rules: [], vmIds: [] })
    expect(await a.listFirewalls()).toEqual([fw])
    expect(await a.getFirewall(fw.id)).toEqual(fw)
    await a.deleteFirewall(fw.id)
    expect(await a.listFirewalls()).toEqual([])
    expect(hits()).toEqual([
      'GET /api/vps/v1/firewall', 'POST /api/vps/v1/firewall', 'GET /api/vps/v1/firewall', 'GET /api/vps/v1/virtual-machines',
      `GET /api/vps/v1/firewall/${fw.id}`, 'GET /api/vps/v1/virtual-machines', `DELETE /api/vps/v1/firewall/${fw.id}`, 'GET /api/vps/v1/firewall',
    ])
  })

  it('adds, updates and deletes rules; a change leaves the firewall unsynced until synced on its VM', async () => {
    const a = adapter()
    const vm = String(simState().vms[0]!.id)
    const fw = await a.createFirewall({ name: 'SSH' })
    const rule = await a.createFirewallRule(fw.id, SSH)
    expect(rule).toEqual({ id: expect.stringMatching(/^\d+$/), action: 'accept', protocol: 'SSH', port: '22', source: 'custom', sourceDetail: '198.51.100.0/24' })
    const body = sb.requests.find(r => r.method === 'POST' && r.path.endsWith('/rules'))!.body
    expect(body).toEqual({ protocol: 'SSH', port: '22', source: 'custom', source_detail: '198.51.100.0/24' })
    expect(await a.attachFirewall(fw.id, vm)).toMatchObject({ status: 'activated', message: expect.stringContaining('action') })
    expect(simState().vms[0]!.firewall_group_id).toBe(Number(fw.id))
    expect(await a.getFirewall(fw.id)).toMatchObject({ synced: true, vmIds: [vm] })
    const changed = await a.updateFirewallRule(fw.id, rule.id, { protocol: 'TCP', port: '1024:2048', source: 'any', sourceDetail: 'any' })
    expect(changed).toMatchObject({ id: rule.id, protocol: 'TCP', port: '1024:2048', sourceDetail: 'any' })
    expect((await a.getFirewall(fw.id)).synced).toBe(false)
    expect(await a.syncFirewall(fw.id, vm)).toMatchObject({ status: 'synced' })
    expect((await a.getFirewall(fw.id)).synced).toBe(true)
    await a.deleteFirewallRule(fw.id, rule.id)
    expect((await a.getFirewall(fw.id)).rules).toEqual([])
    expect(await a.detachFirewall(fw.id, vm)).toMatchObject({ status: 'deactivated' })
    expect(simState().vms[0]!.firewall_group_id).toBeNull()
  })

  it('maps every refusal: unknown ids 404, field errors and state refusals 422 → 400', async () => {
    const a = adapter()
    const vm = String(simState().vms[0]!.id)
    await expect(a.getFirewall('424242')).rejects.toMatchObject({ code: 'not_found', statusCode: 404 })
    await expect(a.getFirewall('abc')).rejects.toMatchObject({ code: 'not_found' })
    const fw = await a.createFirewall({ name: 'x' })
    await expect(a.deleteFirewallRule(fw.id, '1')).rejects.toMatchObject({ code: 'not_found' })
    await expect(a.createFirewallRule(fw.id, { ...SSH, port: 'http' })).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('port') })
    await expect(a.detachFirewall(fw.id, vm)).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('not active') })
    await expect(a.syncFirewall(fw.id, vm)).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(a.attachFirewall(fw.id, '999999')).rejects.toMatchObject({ code: 'not_found' })
    await a.attachFirewall(fw.id, vm)
    await expect(a.deleteFirewall(fw.id)).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('deactivate it first') })
  })

  it('providers without firewalls say why (501)', async () => {
    const v = createAdapter('virtua', { slug: 'v', credentials: { apiKey: 'k' }, settings: {} })
    await expect(v.listFirewalls()).rejects.toMatchObject({ code: 'not_supported', statusCode: 501, message: expect.stringContaining('no firewall') })
    await expect(v.openConsole('x')).rejects.toMatchObject({ code: 'not_supported', statusCode: 501 })
    await expect(adapter().openConsole('1')).rejects.toMatchObject({ code: 'not_supported', message: expect.stringContaining('hPanel') })
  })
})
