/**
 * VirtFusion listing at scale: a server is read in full only when its list row changed, and the
 * hypervisor (remoteState) is asked for a bounded few per sync, changed ones first.
 */
import { describe, expect, it } from 'vitest'
import { planReads, type KnownServer, type ListRow } from '../../../server/providers/virtfusion/known-servers'
import type { ServerRecord } from '../../../server/providers/types'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../../sandbox/credentials'
import { createAdapter } from '../../../server/providers/registry'
import { adapter, reqs, sb, state } from './virtfusion-harness'

const serverReads = () => reqs().filter(r => /^\/servers\/\d+$/.test(r.path) && r.method === 'GET')

describe('VirtFusion sync', () => {
  it('reads each server once, then only what changed; live state for built servers each sync', async () => {
    const a = adapter()
    const first = await a.listServers()
    expect(first.length).toBe(state().servers.length)
    expect(serverReads().map(r => r.path).sort()).toEqual(state().servers.map(s => `/servers/${s.id}`).sort())

    sb.requests.length = 0
    const second = await a.listServers()
    expect(second.map(s => [s.upstreamId, s.status])).toEqual(first.map(s => [s.upstreamId, s.status]))
    // Unchanged rows are not read again, except the built ones asked for their live state.
    const built = state().servers.filter(s => s.complete && !s.suspended).map(s => `/servers/${s.id}`)
    expect(serverReads().map(r => r.path).sort()).toEqual(built.sort())
    expect(serverReads().every(r => r.query.remoteState === 'true')).toBe(true)

    // A renamed server's row changes: it is read again and shows the new name.
    const unbuilt = state().servers.find(s => !s.complete || s.suspended) ?? state().servers[0]!
    unbuilt.name = 'renamed-upstream'
    sb.requests.length = 0
    const third = await a.listServers()
    expect(third.find(s => s.upstreamId === String(unbuilt.id))!.name).toBe('renamed-upstream')
    expect(serverReads().map(r => r.path)).toContain(`/servers/${unbuilt.id}`)
  })
})

describe('planReads', () => {
  const record = { upstreamId: 'x' } as ServerRecord
  const rows = (n: number, updated = '2025-01-01T00:00:00Z'): ListRow[] => Array.from({ length: n }, (_, i) => ({ id: String(i), updated, signature: `s${i}`, live: true }))

  it('asks the hypervisor for at most the budget, the never-asked and recently changed first, then the oldest', () => {
    const now = Date.parse('2025-06-01T00:00:00Z')
    const listed = rows(100)
    const known = new Map<string, KnownServer>(listed.map((r, i) => [r.id, { row: r.signature, record, liveAt: 1000 + i }]))
    // Server 50 was never asked live; server 70 changed a minute ago (its row too, so it is read).
    known.set('50', { row: 's50', record, liveAt: 0 })
    listed[70] = { ...listed[70]!, updated: new Date(now - 60_000).toISOString(), signature: 'changed' }
    const { read, live } = planReads(listed, known, now, 25)
    expect(live.size).toBe(25)
    expect(live.has('50') && live.has('70')).toBe(true)
    // Then the 23 whose live state is oldest: ids 0..22.
    for (let i = 0; i < 23; i++) expect(live.has(String(i)), String(i)).toBe(true)
    expect(read.has('70')).toBe(true)
    expect(read.size).toBe(25)
  })

  it('reads every unknown server, live only within the budget', () => {
    const { read, live } = planReads(rows(40), new Map(), Date.now(), 10)
    expect(read.size).toBe(40)
    expect(live.size).toBe(10)
  })
})

describe('VirtFusion list with one unreadable server', () => {
  it('lists the others and marks that one, from the row or the last record', async () => {
    // Its own account: nothing known about its servers yet.
    const a = createAdapter('virtfusion', {
      slug: 'vf-partial',
      credentials: { apiKey: SANDBOX_CREDENTIALS.virtfusion.api_key },
      settings: { base_url: sandboxBaseUrl(sb.url, 'virtfusion'), ...SANDBOX_CREDENTIALS.virtfusion.extra },
    }, { sleep: async () => {} })
    sb.faults.add('virtfusion', { status: 500, method: 'GET', match: '/servers/102', count: 20 })
    const first = await a.listServers()
    expect(first.map(s => s.upstreamId)).toEqual(['101', '102', '103'])
    const broken = first.find(s => s.upstreamId === '102')!
    expect(broken).toMatchObject({ status: 'unknown', ipv4: [], detailError: expect.stringMatching(/VirtFusion/) })
    expect(first.filter(s => s.detailError)).toHaveLength(1)
    sb.faults.clear()
    const good = await a.listServers()
    expect(good.find(s => s.upstreamId === '102')).not.toHaveProperty('detailError')
    // Known before: the last full record stands in, marked.
    sb.faults.add('virtfusion', { status: 500, method: 'GET', match: '/servers/102', count: 20 })
    const again = await a.listServers()
    expect(again.find(s => s.upstreamId === '102')).toMatchObject({ ipv4: good.find(s => s.upstreamId === '102')!.ipv4, detailError: expect.any(String) })
  })
})
