/** VirtFusion day-2 operations over real HTTP: traffic as metrics, backups, renaming; the rest 501. */
import { describe, expect, it } from 'vitest'
import type { ProviderError } from '../../../server/providers/errors'
import { adapter, reqs, state } from './virtfusion-harness'

const fails = async (p: Promise<unknown>) => {
  try { await p }
  catch (e) { return e as ProviderError } throw new Error('expected a failure')
}
const YEAR = { from: new Date(Date.now() - 365 * 86_400_000), to: new Date() }

describe('VirtFusion metrics (traffic only)', () => {
  it('maps monthly periods to points of received and sent bytes; the other series are null', async () => {
    const m = await adapter().getMetrics('101', YEAR)
    expect(reqs()[0]).toMatchObject({ method: 'GET', path: '/servers/101/traffic' })
    expect(m.uptimeS).toBeNull()
    expect(m.series.length).toBeGreaterThan(0)
    for (const p of m.series) {
      expect(p).toMatchObject({ cpuPercent: null, memoryMb: null, diskMb: null, netInBytes: expect.any(Number), netOutBytes: expect.any(Number) })
      expect(p.t).toMatch(/Z$/)
    }
    expect([...m.series].sort((a, b) => a.t.localeCompare(b.t))).toEqual(m.series)
  })

  it('keeps only periods that overlap the range; an unknown server is not_found', async () => {
    const old = await adapter().getMetrics('101', { from: new Date('2001-01-01T00:00:00Z'), to: new Date('2001-02-01T00:00:00Z') })
    expect(old.series).toEqual([])
    expect((await fails(adapter().getMetrics('9999', YEAR))).code).toBe('not_found')
  })
})

describe('VirtFusion backups', () => {
  it('lists completed backups newest first, with the storage as location', async () => {
    const list = await adapter().listBackups('101')
    expect(reqs()[0]).toMatchObject({ method: 'GET', path: '/backups/server/101' })
    expect(list.length).toBe(2)
    expect(list[0]).toMatchObject({ id: expect.any(String), location: 'Backup Server 1', createdAt: expect.stringMatching(/Z$/) })
    expect(list[0]!.createdAt! > list[1]!.createdAt!).toBe(true)
  })

  it('restoring is not in the API (501 with the reason)', async () => {
    const e = await fails(adapter().restoreBackup('101', '10101'))
    expect(e.code).toBe('not_supported')
    expect(e.message).toMatch(/no restore call/)
  })
})

describe('VirtFusion host settings', () => {
  it('renames the server with PUT …/modify/name', async () => {
    expect(await adapter().updateHostSettings('101', { hostname: 'renamed-box' })).toMatchObject({ status: 'renamed' })
    expect(reqs().at(-1)).toMatchObject({ method: 'PUT', path: '/servers/101/modify/name', body: { name: 'renamed-box' } })
    expect(state().findServer(101)!.name).toBe('renamed-box')
  })

  it('nameservers are not supported; snapshots, PTR, recovery and the action log neither', async () => {
    expect((await fails(adapter().updateHostSettings('101', { nameservers: ['1.1.1.1'] }))).code).toBe('not_supported')
    for (const call of [() => adapter().listSnapshots('101'), () => adapter().setPtr('101', '1.2.3.4', 'a.example.com'), () => adapter().startRecovery('101', 'x'), () => adapter().listActions('101')]) {
      expect((await fails(call())).statusCode).toBe(501)
    }
  })
})
