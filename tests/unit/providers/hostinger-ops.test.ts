/** Hostinger day-2 operations against the sandbox over HTTP (contract-checked): every call and its errors. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { contractSettled, startSandbox, type Sandbox } from '../../../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../../sandbox/credentials'
import { createAdapter } from '../../../server/providers/registry'
import type { HostingerAdapter } from '../../../server/providers/hostinger'
import type { HostingerState } from '../../../sandbox/providers/hostinger/state'
import type { ProviderError } from '../../../server/providers/errors'

const VM = '1268054'
const UNSET = '1268101'
const IP = '203.0.113.24'

let sb: Sandbox
const adapter = () => createAdapter('hostinger', {
  slug: 'hostinger',
  credentials: { apiKey: SANDBOX_CREDENTIALS.hostinger.api_key },
  settings: { base_url: sandboxBaseUrl(sb.url, 'hostinger'), ...SANDBOX_CREDENTIALS.hostinger.extra },
}, { sleep: async () => {}, logger: () => {} }) as HostingerAdapter
const hits = () => sb.requests.filter(r => r.provider === 'hostinger')
const simState = () => sb.sims.hostinger.state as HostingerState
const fails = async (p: Promise<unknown>) => {
  try { await p }
  catch (e) { return e as ProviderError } throw new Error('expected a failure')
}
/** Polls (no fixed sleep) until the VM's transition has ended. */
async function settled(id = VM) {
  const vm = simState().findVm(id)!
  for (let i = 0; i < 1000 && simState().isLocked(vm); i++) await new Promise(r => setTimeout(r, 10))
}

// Long enough that "locked while it is taken" holds on a loaded machine; settled() polls for the end.
beforeAll(async () => { sb = await startSandbox({ transitionMs: 400 }) })
afterAll(async () => { await sb.close() })
beforeEach(() => sb.reset())

describe('hostinger metrics', () => {
  it('reads every series for a range and maps units (bytes → MB, ms → s)', async () => {
    const to = new Date()
    const from = new Date(to.getTime() - 3_600_000)
    const m = await adapter().getMetrics(VM, { from, to })
    expect(hits()[0]).toMatchObject({ method: 'GET', path: `/api/vps/v1/virtual-machines/${VM}/metrics`, query: { date_from: expect.stringMatching(/Z$/), date_to: expect.stringMatching(/Z$/) } })
    expect(m.series.length).toBeGreaterThanOrEqual(11)
    const p = m.series[0]!
    expect(p.cpuPercent).toBeGreaterThan(0)
    expect(p.cpuPercent).toBeLessThan(100)
    expect(p.memoryMb).toBeGreaterThan(0)
    expect(p.memoryMb).toBeLessThan(8192)
    expect(p.diskMb).toBeGreaterThan(0)
    expect(p.netInBytes).toBeGreaterThan(0)
    expect(p.netOutBytes).toBeGreaterThan(0)
    expect(Date.parse(p.t)).toBeGreaterThanOrEqual(from.getTime() - 300_000)
    expect(m.uptimeS).toBeGreaterThan(86_400)
  })

  it('has no samples for a VM never set up, and an unknown VM is not_found', async () => {
    const to = new Date()
    expect((await adapter().getMetrics(UNSET, { from: new Date(to.getTime() - 3_600_000), to })).series).toEqual([])
    expect((await fails(adapter().getMetrics('999', { from: new Date(to.getTime() - 1000), to }))).code).toBe('not_found')
  })

  it('a backwards range is the upstream\'s 422 (invalid_request)', async () => {
    const to = new Date()
    const e = await fails(adapter().getMetrics(VM, { from: to, to: new Date(to.getTime() - 1000) }))
    expect(e.code).toBe('invalid_request')
    expect(e.message).toMatch(/date to/i)
  })
})

describe('hostinger snapshot (one per VM)', () => {
  it('none at first; taking one shows it once done; taking another replaces it; restore and delete', async () => {
    const a = adapter()
    expect(await a.listSnapshots(VM)).toEqual([])
    const first = await a.createSnapshot(VM)
    expect(first).toMatchObject({ status: 'snapshot started', actionId: expect.any(String) })
    expect(hits().at(-1)).toMatchObject({ method: 'POST', path: `/api/vps/v1/virtual-machines/${VM}/snapshot` })
    // Locked while it is taken.
    expect((await fails(a.createSnapshot(VM))).code).toBe('conflict')
    await settled()
    const [one] = await a.listSnapshots(VM)
    expect(one).toMatchObject({ id: expect.any(String), createdAt: expect.stringMatching(/Z$/), expiresAt: expect.stringMatching(/Z$/) })
    await a.createSnapshot(VM)
    await settled()
    const after = await a.listSnapshots(VM)
    expect(after).toHaveLength(1)
    expect(after[0]!.id).not.toBe(one!.id)

    expect(await a.restoreSnapshot(VM)).toMatchObject({ status: 'restoring' })
    expect(simState().stateOf(simState().findVm(VM)!)).toBe('restoring')
    await settled()
    expect(simState().stateOf(simState().findVm(VM)!)).toBe('running')

    expect(await a.deleteSnapshot(VM)).toMatchObject({ status: 'snapshot deleted' })
    await settled()
    expect(await a.listSnapshots(VM)).toEqual([])
  })

  it('restoring or deleting without a snapshot is refused; an unknown VM stays not_found', async () => {
    expect((await fails(adapter().restoreSnapshot(VM))).code).toBe('conflict')
    expect((await fails(adapter().deleteSnapshot(VM))).code).toBe('not_found')
    expect((await fails(adapter().listSnapshots('999'))).code).toBe('not_found')
  })
})

describe('hostinger backups', () => {
  it('lists backups newest first (size in bytes) and restores one', async () => {
    const list = await adapter().listBackups(VM)
    expect(list.map(b => b.id)).toEqual(['8676502', '8676501'])
    expect(list[0]).toMatchObject({ sizeBytes: 15302144 * 1024, location: 'nl-srv-nodebackups', restoreTimeS: expect.any(Number) })
    expect(await adapter().restoreBackup(VM, '8676502')).toMatchObject({ status: 'restoring' })
    expect(hits().at(-1)).toMatchObject({ method: 'POST', path: `/api/vps/v1/virtual-machines/${VM}/backups/8676502/restore` })
  })

  it('an unknown backup is not_found; a non-numeric id never leaves', async () => {
    expect((await fails(adapter().restoreBackup(VM, '1'))).code).toBe('not_found')
    const n = hits().length
    expect((await fails(adapter().restoreBackup(VM, 'x/../1'))).code).toBe('invalid_request')
    expect(hits()).toHaveLength(n)
  })
})

describe('hostinger PTR records', () => {
  it('sets and removes reverse DNS by address (the path takes the address id)', async () => {
    const a = adapter()
    expect(await a.setPtr(VM, IP, 'mail.example.com')).toMatchObject({ status: 'ptr set' })
    expect(hits().at(-1)).toMatchObject({ method: 'POST', path: `/api/vps/v1/virtual-machines/${VM}/ptr/52347`, body: { domain: 'mail.example.com' } })
    expect(await a.listPtr(VM)).toContainEqual({ ip: IP, domain: 'mail.example.com' })
    await settled()
    await a.deletePtr(VM, IP)
    expect(hits().at(-1)).toMatchObject({ method: 'DELETE', path: `/api/vps/v1/virtual-machines/${VM}/ptr/52347` })
    expect(await a.listPtr(VM)).toContainEqual({ ip: IP, domain: null })
  })

  it('an address not on the VM is refused before any change; a bad domain is the upstream\'s 422', async () => {
    expect((await fails(adapter().setPtr(VM, '198.51.100.1', 'a.example.com'))).code).toBe('invalid_request')
    const e = await fails(adapter().setPtr(VM, IP, 'not a domain'))
    expect(e).toMatchObject({ code: 'invalid_request', upstreamStatus: 422 })
    expect(e.message).toMatch(/domain/)
  })
})

describe('hostinger recovery mode', () => {
  it('starts with a temporary root password and stops again', async () => {
    const a = adapter()
    expect(await a.startRecovery(VM, 'Recover-Me-2026')).toMatchObject({ status: 'recovery starting' })
    expect(hits().at(-1)).toMatchObject({ method: 'POST', path: `/api/vps/v1/virtual-machines/${VM}/recovery`, body: { root_password: 'Recover-Me-2026' } })
    await settled()
    expect(simState().stateOf(simState().findVm(VM)!)).toBe('recovery')
    expect(await a.stopRecovery(VM)).toMatchObject({ status: 'recovery stopping' })
    await settled()
    expect(simState().stateOf(simState().findVm(VM)!)).toBe('running')
  })

  it('a weak password is a 422; stopping when not in recovery is refused', async () => {
    expect((await fails(adapter().startRecovery(VM, 'short'))).code).toBe('invalid_request')
    expect((await fails(adapter().stopRecovery(VM))).code).toBe('conflict')
  })
})

describe('hostinger actions and host settings', () => {
  it('lists the action log newest first, mapping states', async () => {
    const a = adapter()
    await a.updateHostSettings(VM, { hostname: 'web-2.example.com' })
    const log = await a.listActions(VM)
    expect(log[0]).toMatchObject({ name: 'hostname_set', state: expect.stringMatching(/running|done/), createdAt: expect.stringMatching(/Z$/) })
    await settled()
    expect((await a.listActions(VM))[0]!.state).toBe('done')
  })

  it('sets hostname and nameservers (one to three)', async () => {
    const a = adapter()
    const r = await a.updateHostSettings(VM, { hostname: 'web-2.example.com' })
    expect(r).toMatchObject({ status: 'settings updated', actionId: expect.any(String) })
    await settled()
    await a.updateHostSettings(VM, { nameservers: ['9.9.9.9', '1.0.0.1'] })
    expect(hits().at(-1)).toMatchObject({ method: 'PUT', path: `/api/vps/v1/virtual-machines/${VM}/nameservers`, body: { ns1: '9.9.9.9', ns2: '1.0.0.1' } })
    await settled()
    expect(await a.getServer(VM)).toMatchObject({ hostname: 'web-2.example.com', extra: { ns1: '9.9.9.9', ns2: '1.0.0.1' } })
  })

  it('a bad hostname or nameserver is the upstream\'s 422; four nameservers never leave', async () => {
    expect((await fails(adapter().updateHostSettings(VM, { hostname: '-bad-' }))).code).toBe('invalid_request')
    expect((await fails(adapter().updateHostSettings(VM, { nameservers: ['not-an-ip'] }))).message).toMatch(/ns1/)
    const n = hits().length
    expect((await fails(adapter().updateHostSettings(VM, { nameservers: ['1.1.1.1', '1.0.0.1', '8.8.8.8', '8.8.4.4'] }))).code).toBe('invalid_request')
    expect(hits()).toHaveLength(n)
  })

  it('every exchange kept to the spec', async () => {
    await adapter().listSnapshots(VM)
    await contractSettled()
    expect(sb.violations).toEqual([])
  })
})
