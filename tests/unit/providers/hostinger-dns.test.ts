import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../sandbox/server'
import type { HostingerDnsState } from '../../../sandbox/providers/hostinger/dns'
import type { BaseAdapter } from '../../../server/providers/base'
import type { DnsRecord } from '../../../server/providers/types'
import { hits, hostingerAdapter, startHostingerSandbox, TOKEN } from './hostinger-dns-setup'

let sb: Sandbox
let adapter: BaseAdapter
const zonePath = '/api/dns/v1/zones/example.com'
const dnsState = () => (sb.sims.hostinger.state as { dns: HostingerDnsState }).dns
const upstreamZone = (domain = 'example.com') => dnsState().zones.get(domain)!

beforeAll(async () => { sb = await startHostingerSandbox() })
afterAll(async () => { await sb.close() })
beforeEach(() => {
  sb.reset()
  adapter = hostingerAdapter(sb)
})

const byId = (records: DnsRecord[], id: string) => records.find(r => r.id === id)

describe('getDnsZone', () => {
  it('flattens the grouped zone into one record per content, priority split out', async () => {
    const records = await adapter.getDnsZone('example.com')
    expect(records).toHaveLength(12)
    expect(byId(records, '@/A/0')).toEqual({ id: '@/A/0', type: 'A', name: '@', content: '93.184.216.34', ttl: 14400 })
    expect(byId(records, '@/AAAA/0')).toMatchObject({ type: 'AAAA', content: '2606:2800:220:1:248:1893:25c8:1946' })
    expect(byId(records, 'www/CNAME/0')).toEqual({ id: 'www/CNAME/0', type: 'CNAME', name: 'www', content: 'example.com', ttl: 300 })
    expect(byId(records, '@/MX/0')).toEqual({ id: '@/MX/0', type: 'MX', name: '@', content: 'mail.example.com', ttl: 14400, priority: 10 })
    expect(byId(records, '@/MX/1')).toMatchObject({ content: 'backup-mx.example.net', priority: 20 })
    expect(byId(records, '_sip._tcp/SRV/0')).toEqual({ id: '_sip._tcp/SRV/0', type: 'SRV', name: '_sip._tcp', content: '60 5060 sip.example.com', ttl: 3600, priority: 10 })
    expect(byId(records, '@/TXT/0')?.content).toBe('v=spf1 include:_spf.mail.hostinger.com ~all')
    expect(byId(records, '@/CAA/0')?.content).toBe('0 issue "letsencrypt.org"')
    expect(records.filter(r => r.type === 'NS').map(r => r.content)).toEqual(['ns1.dns-parking.com', 'ns2.dns-parking.com'])
    expect(records.filter(r => r.type === 'A' && r.priority !== undefined)).toEqual([])
  })

  it('sends GET with the Bearer token to the zone path', async () => {
    await adapter.getDnsZone('Example.COM.')
    const [req] = hits(sb)
    expect(req).toMatchObject({ method: 'GET', path: zonePath })
    expect(req!.headers.authorization).toBe(`Bearer ${TOKEN}`)
  })

  it('leaves out disabled records but keeps upstream positions in the ids', async () => {
    upstreamZone().records.find(s => s.type === 'MX')!.records[0]!.is_disabled = true
    const mx = (await adapter.getDnsZone('example.com')).filter(r => r.type === 'MX')
    expect(mx).toEqual([expect.objectContaining({ id: '@/MX/1', content: 'backup-mx.example.net' })])
  })

  it('is not_found for a domain without a zone', async () => {
    await expect(adapter.getDnsZone('nope.example')).rejects.toMatchObject({ code: 'not_found', statusCode: 404, provider: 'Hostinger' })
  })

  it('is provider_auth, naming Hostinger, with a wrong token', async () => {
    const bad = hostingerAdapter(sb, {}, 'wrong-token')
    const err = await bad.getDnsZone('example.com').catch(e => e)
    expect(err).toMatchObject({ code: 'provider_auth', statusCode: 502, upstreamStatus: 401 })
    expect(err.message).toContain('Hostinger')
    expect(err.message).toContain('Unauthenticated')
  })

  it('retries a read rate-limited with Retry-After, then succeeds', async () => {
    sb.faults.add('hostinger', { status: 429, retryAfter: 1, count: 1, match: '/zones/' })
    const delays: number[] = []
    const a = hostingerAdapter(sb, { sleep: async (ms) => { delays.push(ms) } })
    expect(await a.getDnsZone('example.com')).toHaveLength(12)
    expect(hits(sb, 'GET', zonePath)).toHaveLength(2)
    expect(delays).toEqual([1000])
  })

  it('turns an HTML page into bad_response', async () => {
    sb.faults.add('hostinger', { html: true, count: 1 })
    await expect(adapter.getDnsZone('example.com')).rejects.toMatchObject({ code: 'bad_response' })
  })

  it('times out on a hung upstream', async () => {
    sb.faults.add('hostinger', { hang: true })
    const a = hostingerAdapter(sb, { timeoutMs: 150 })
    await expect(a.getDnsZone('example.com')).rejects.toMatchObject({ code: 'timeout', statusCode: 504 })
    sb.faults.clear()
  })
})

describe('validateDnsRecords', () => {
  it('posts the grouped zone to /validate and changes nothing', async () => {
    await adapter.validateDnsRecords('example.com', [
      { type: 'A', name: 'api', content: '198.51.100.7', ttl: 3600 },
      { type: 'A', name: 'api.example.com', content: '198.51.100.8', ttl: 3600 },
      { type: 'MX', name: '@', content: 'mx3.example.com', ttl: 14400, priority: 30 },
    ], false)
    const [req] = hits(sb, 'POST', `${zonePath}/validate`)
    expect(req!.body).toEqual({
      overwrite: false,
      zone: [
        { name: 'api', type: 'A', ttl: 3600, records: [{ content: '198.51.100.7' }, { content: '198.51.100.8' }] },
        { name: '@', type: 'MX', ttl: 14400, records: [{ content: '30 mx3.example.com' }] },
      ],
    })
    expect(hits(sb, 'PUT')).toHaveLength(0)
    expect(upstreamZone().snapshots).toHaveLength(1)
    expect(await adapter.getDnsZone('example.com')).toHaveLength(12)
  })

  it.each([
    ['an A record that is not IPv4', { type: 'A', name: 'x', content: '2001:db8::1', ttl: 300 }, 'must be a valid IPv4 address'],
    ['an AAAA record that is not IPv6', { type: 'AAAA', name: 'x', content: '198.51.100.1', ttl: 300 }, 'must be a valid IPv6 address'],
    ['a CNAME that is not a host name', { type: 'CNAME', name: 'x', content: 'not a host', ttl: 300 }, 'must be a valid host name'],
    ['an MX without priority', { type: 'MX', name: '@', content: 'mx9.example.com', ttl: 300 }, 'must contain a priority followed by a host name'],
    ['an NS that is an address', { type: 'NS', name: 'sub', content: '198.51.100.1', ttl: 300 }, 'must be a valid host name'],
    ['a TTL out of range', { type: 'A', name: 'x', content: '198.51.100.1', ttl: 5 }, 'must be an integer between 60 and 86400'],
    ['an SRV without port', { type: 'SRV', name: '_x._tcp', content: 'sip.example.com', ttl: 300, priority: 1 }, 'priority weight port target'],
  ] as [string, DnsRecord, string][])('refuses %s with invalid_request and the upstream message', async (_what, record, message) => {
    const err = await adapter.validateDnsRecords('example.com', [record], true).catch(e => e)
    expect(err).toMatchObject({ code: 'invalid_request', statusCode: 400, upstreamStatus: 422 })
    expect(err.message).toContain(message)
    expect(err.message).toContain('zone.0.')
  })

  it('refuses a CNAME next to other records at the same name, even with overwrite (same name AND type only)', async () => {
    const err = await adapter.validateDnsRecords('example.com', [{ type: 'CNAME', name: 'mail', content: 'example.com', ttl: 300 }], true).catch(e => e)
    expect(err).toMatchObject({ code: 'invalid_request' })
    expect(err.message).toContain('cannot coexist with other records (A) at mail')
  })

  it('counts further errors in the message like Hostinger does', async () => {
    const err = await adapter.validateDnsRecords('example.com', [
      { type: 'A', name: 'x', content: 'nope', ttl: 300 },
      { type: 'AAAA', name: 'y', content: 'nope', ttl: 300 },
      { type: 'A', name: 'z', content: 'nope', ttl: 1 },
    ], true).catch(e => e)
    // Every field error is named (our client lists them rather than Hostinger's "(and N more errors)").
    expect(err.message.match(/zone\.\d+\.[a-z.0-9]+:/g)).toHaveLength(4)
  })

  it('is not_found for an unknown zone', async () => {
    await expect(adapter.validateDnsRecords('nope.example', [{ type: 'A', name: '@', content: '198.51.100.1', ttl: 300 }], true))
      .rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('updateDnsRecords', () => {
  it('validates, then PUTs; overwrite replaces only the given name+type', async () => {
    await adapter.updateDnsRecords('example.com', [{ type: 'MX', name: '@', content: 'mx.newmail.example', ttl: 3600, priority: 5 }], true)
    const calls = hits(sb).filter(r => r.method !== 'GET')
    expect(calls.map(r => `${r.method} ${r.path}`)).toEqual([`POST ${zonePath}/validate`, `PUT ${zonePath}`])
    expect(calls[1]!.body).toEqual({ overwrite: true, zone: [{ name: '@', type: 'MX', ttl: 3600, records: [{ content: '5 mx.newmail.example' }] }] })
    expect(calls[1]!.headers.authorization).toBe(`Bearer ${TOKEN}`)

    const records = await adapter.getDnsZone('example.com')
    expect(records.filter(r => r.type === 'MX')).toEqual([{ id: '@/MX/0', type: 'MX', name: '@', content: 'mx.newmail.example', ttl: 3600, priority: 5 }])
    // Everything else at @ (A, AAAA, TXT, NS, CAA) is still there.
    expect(records).toHaveLength(11)
    expect(byId(records, '@/A/0')?.content).toBe('93.184.216.34')
    expect(byId(records, '@/TXT/0')).toBeDefined()
  })

  it('appends without overwrite, and the group takes the new TTL (Hostinger semantics)', async () => {
    await adapter.updateDnsRecords('example.com', [{ type: 'A', name: '@', content: '93.184.216.35', ttl: 600 }], false)
    const a = (await adapter.getDnsZone('example.com')).filter(r => r.type === 'A' && r.name === '@')
    expect(a).toEqual([
      { id: '@/A/0', type: 'A', name: '@', content: '93.184.216.34', ttl: 600 },
      { id: '@/A/1', type: 'A', name: '@', content: '93.184.216.35', ttl: 600 },
    ])
  })

  it('creates a new name, stored as the zone-relative name', async () => {
    await adapter.updateDnsRecords('example.com', [
      { type: 'TXT', name: 'google._domainkey.example.com', content: 'v=DKIM1; k=rsa; p=MIGf', ttl: 3600 },
      { type: 'CNAME', name: 'blog', content: 'hosting.example.org', ttl: 300 },
    ], false)
    const records = await adapter.getDnsZone('example.com')
    expect(byId(records, 'google._domainkey/TXT/0')?.content).toBe('v=DKIM1; k=rsa; p=MIGf')
    expect(byId(records, 'blog/CNAME/0')?.content).toBe('hosting.example.org')
    expect(upstreamZone().records.find(s => s.name === 'blog')!.records[0]!.content).toBe('hosting.example.org.')
  })

  it('sends nothing to PUT when validation fails, and takes no snapshot', async () => {
    const err = await adapter.updateDnsRecords('example.com', [{ type: 'A', name: 'www', content: '198.51.100.1', ttl: 300 }], false).catch(e => e)
    expect(err).toMatchObject({ code: 'invalid_request' })
    expect(err.message).toContain('cannot coexist')
    expect(hits(sb, 'PUT')).toHaveLength(0)
    expect(upstreamZone().snapshots).toHaveLength(1)
  })

  it('takes a snapshot of the zone before the change', async () => {
    const before = structuredClone(upstreamZone().records)
    await adapter.updateDnsRecords('example.com', [{ type: 'A', name: '@', content: '203.0.113.9', ttl: 300 }], true)
    const [latest] = upstreamZone().snapshots
    expect(latest!.reason).toBe('Zone records update request')
    expect(latest!.snapshot).toEqual(before)
  })

  it('retries an overwriting PUT on 503 (same result twice)', async () => {
    sb.faults.add('hostinger', { status: 503, method: 'PUT', count: 1 })
    await adapter.updateDnsRecords('example.com', [{ type: 'A', name: '@', content: '203.0.113.9', ttl: 300 }], true)
    expect(hits(sb, 'PUT')).toHaveLength(2)
  })

  it('does not retry an appending PUT on 503', async () => {
    sb.faults.add('hostinger', { status: 503, method: 'PUT', count: 1 })
    await expect(adapter.updateDnsRecords('example.com', [{ type: 'A', name: '@', content: '203.0.113.9', ttl: 300 }], false))
      .rejects.toMatchObject({ code: 'upstream_error', upstreamStatus: 503 })
    expect(hits(sb, 'PUT')).toHaveLength(1)
  })

  it('does nothing for an empty list', async () => {
    await adapter.updateDnsRecords('example.com', [], true)
    expect(hits(sb)).toHaveLength(0)
  })
})

describe('deleteDnsRecords', () => {
  it('sends DELETE with name/type filters and removes exactly those groups', async () => {
    await adapter.deleteDnsRecords('example.com', [{ name: '_dmarc.example.com', type: 'txt' }, { name: '@', type: 'MX' }])
    const [req] = hits(sb, 'DELETE', zonePath)
    expect(req!.body).toEqual({ filters: [{ name: '_dmarc', type: 'TXT' }, { name: '@', type: 'MX' }] })
    const records = await adapter.getDnsZone('example.com')
    expect(records.filter(r => r.type === 'MX' || r.name === '_dmarc')).toEqual([])
    expect(byId(records, '@/TXT/0')).toBeDefined()
    expect(records).toHaveLength(9)
    expect(upstreamZone().snapshots[0]!.reason).toBe('Zone records delete request')
  })

  it('refuses an unknown record type with invalid_request', async () => {
    // SPF is not in the spec's type list: the point is Hostinger's refusal.
    await expect(sb.offContract(() => adapter.deleteDnsRecords('example.com', [{ name: '@', type: 'SPF' }]))).rejects.toMatchObject({ code: 'invalid_request' })
  })

  it('is not_found for an unknown zone', async () => {
    await expect(adapter.deleteDnsRecords('nope.example', [{ name: '@', type: 'A' }])).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('resetDnsZone', () => {
  it('restores Hostinger default records after a snapshot', async () => {
    await adapter.resetDnsZone('example.com')
    const [req] = hits(sb, 'POST', `${zonePath}/reset`)
    expect(req!.body).toEqual({ sync: true, reset_email_records: true })
    const records = await adapter.getDnsZone('example.com')
    expect(byId(records, '@/A/0')?.content).toBe('2.57.91.91')
    expect(records.filter(r => r.type === 'MX').map(r => `${r.priority} ${r.content}`)).toEqual(['5 mx1.hostinger.com', '10 mx2.hostinger.com'])
    expect(records.find(r => r.name === '_sip._tcp')).toBeUndefined()
    expect(upstreamZone().snapshots[0]!.reason).toBe('Zone reset request')
  })

  it('is not_found for an unknown zone', async () => {
    await expect(adapter.resetDnsZone('nope.example')).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('snapshots', () => {
  it('lists snapshots newest first, without records', async () => {
    const seeded = await adapter.listDnsSnapshots('example.com')
    expect(seeded).toEqual([{ id: '5341', reason: 'Zone records update request', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) }])
    await adapter.deleteDnsRecords('example.com', [{ name: 'mail', type: 'A' }])
    const list = await adapter.listDnsSnapshots('example.com')
    expect(list.map(s => s.reason)).toEqual(['Zone records delete request', 'Zone records update request'])
    expect(Number(list[0]!.id)).toBeGreaterThan(5341)
    expect(hits(sb, 'GET', '/api/dns/v1/snapshots/example.com')).toHaveLength(2)
  })

  it('reads one snapshot with its records mapped like a zone', async () => {
    const original = await adapter.getDnsZone('example.com')
    await adapter.updateDnsRecords('example.com', [{ type: 'A', name: '@', content: '203.0.113.9', ttl: 300 }], true)
    const [latest] = await adapter.listDnsSnapshots('example.com')
    const snap = await adapter.getDnsSnapshot('example.com', latest!.id)
    expect(hits(sb, 'GET', `/api/dns/v1/snapshots/example.com/${latest!.id}`)).toHaveLength(1)
    expect(snap).toMatchObject({ id: latest!.id, reason: 'Zone records update request' })
    expect(snap.records).toEqual(original)
  })

  it('restores a snapshot: the zone is back as it was', async () => {
    const original = await adapter.getDnsZone('example.com')
    await adapter.updateDnsRecords('example.com', [{ type: 'A', name: '@', content: '203.0.113.9', ttl: 300 }], true)
    await adapter.deleteDnsRecords('example.com', [{ name: 'www', type: 'CNAME' }])
    const list = await adapter.listDnsSnapshots('example.com')
    const beforeUpdate = list.find(s => s.reason === 'Zone records update request' && s.id !== '5341')!
    await adapter.restoreDnsSnapshot('example.com', beforeUpdate.id)
    expect(hits(sb, 'POST', `/api/dns/v1/snapshots/example.com/${beforeUpdate.id}/restore`)).toHaveLength(1)
    expect(await adapter.getDnsZone('example.com')).toEqual(original)
    // The restore itself is undoable.
    expect((await adapter.listDnsSnapshots('example.com'))[0]!.reason).toBe(`Snapshot ${beforeUpdate.id} restore request`)
  })

  it('is not_found for an unknown snapshot or zone', async () => {
    await expect(adapter.getDnsSnapshot('example.com', '999')).rejects.toMatchObject({ code: 'not_found' })
    await expect(adapter.restoreDnsSnapshot('example.com', '999')).rejects.toMatchObject({ code: 'not_found' })
    await expect(adapter.listDnsSnapshots('nope.example')).rejects.toMatchObject({ code: 'not_found' })
  })

  it('keeps zones apart: shop.example.net has its own records and snapshots', async () => {
    const shop = await adapter.getDnsZone('shop.example.net')
    expect(shop.map(r => r.id)).toEqual(['@/A/0', 'www/CNAME/0', '@/MX/0', '@/TXT/0'])
    expect((await adapter.listDnsSnapshots('shop.example.net')).map(s => s.id)).toEqual(['5342'])
  })
})
