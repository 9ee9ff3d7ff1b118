/** The Hostinger DNS simulator itself: shapes and semantics the adapter tests do not reach. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../sandbox/server'
import type { HostingerDnsState } from '../../../sandbox/providers/hostinger/dns'
import { raw, startHostingerSandbox } from './hostinger-dns-setup'

let sb: Sandbox
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const state = () => (sb.sims.hostinger.state as { dns: HostingerDnsState }).dns
const zone = () => state().zones.get('example.com')!
const set = (name: string, type: string) => zone().records.find(s => s.name === name && s.type === type)

beforeAll(async () => { sb = await startHostingerSandbox() })
afterAll(async () => { await sb.close() })
beforeEach(() => { sb.reset() })

describe('auth', () => {
  it('answers 401 with Hostinger\'s body for a missing or wrong token', async () => {
    for (const token of [null, 'wrong']) {
      const res = await raw(sb, 'GET', '/api/dns/v1/zones/example.com', undefined, token)
      expect(res.status).toBe(401)
      expect(res.body).toEqual({ message: 'Unauthenticated', correlation_id: expect.stringMatching(UUID) })
    }
  })

  it('answers 404 for an unknown path before checking the token (route-level auth)', async () => {
    expect((await raw(sb, 'GET', '/api/dns/v1/nowhere', undefined, null)).status).toBe(404)
  })
})

describe('zone shape and validation body', () => {
  it('returns grouped record sets as in the spec', async () => {
    const res = await raw(sb, 'GET', '/api/dns/v1/zones/example.com')
    expect(res.body[0]).toEqual({ name: '@', type: 'A', ttl: 14400, records: [{ content: '93.184.216.34', is_disabled: false }] })
    expect(res.body.find((s: any) => s.type === 'MX').records.map((r: any) => r.content)).toEqual(['10 mail.example.com.', '20 backup-mx.example.net.'])
  })

  it('answers 422 with {message, errors, correlation_id}', async () => {
    const res = await sb.offContract(() => raw(sb, 'POST', '/api/dns/v1/zones/example.com/validate', { zone: [{ name: 'x', type: 'A', records: [{ content: 'nope' }] }, { name: 'y', type: 'BOGUS', records: [{ content: 'a' }] }] }))
    expect(res.status).toBe(422)
    expect(res.body).toEqual({
      message: 'The zone.0.records.0.content field must be a valid IPv4 address. (and 1 more error)',
      errors: {
        'zone.0.records.0.content': ['The zone.0.records.0.content field must be a valid IPv4 address.'],
        'zone.1.type': ['The selected zone.1.type is invalid.'],
      },
      correlation_id: expect.stringMatching(UUID),
    })
  })

  it('requires zone, name, type and records', async () => {
    expect((await sb.offContract(() => raw(sb, 'PUT', '/api/dns/v1/zones/example.com', {}))).body.errors).toEqual({ zone: ['The zone field is required.'] })
    const res = await sb.offContract(() => raw(sb, 'PUT', '/api/dns/v1/zones/example.com', { zone: [{}] }))
    expect(Object.keys(res.body.errors)).toEqual(['zone.0.name', 'zone.0.type', 'zone.0.records'])
  })

  it('refuses two records in one CNAME', async () => {
    const res = await raw(sb, 'POST', '/api/dns/v1/zones/example.com/validate', { zone: [{ name: 'cdn', type: 'CNAME', records: [{ content: 'a.example.org' }, { content: 'b.example.org' }] }] })
    expect(res.body.errors['zone.0.records']).toEqual(['The zone.0.records field must contain only one record for a CNAME.'])
  })

  it('accepts a bare @ CNAME only where nothing else lives', async () => {
    const res = await raw(sb, 'POST', '/api/dns/v1/zones/example.com/validate', { zone: [{ name: '@', type: 'CNAME', records: [{ content: 'example.org' }] }] })
    expect(res.status).toBe(422)
  })
})

describe('PUT semantics', () => {
  it('defaults to overwrite=true (spec default)', async () => {
    const res = await raw(sb, 'PUT', '/api/dns/v1/zones/example.com', { zone: [{ name: '@', type: 'A', records: [{ content: '203.0.113.1' }] }] })
    expect(res).toEqual({ status: 200, body: { message: 'Request accepted' } })
    expect(set('@', 'A')).toEqual({ name: '@', type: 'A', ttl: 14400, records: [{ content: '203.0.113.1', is_disabled: false }] })
  })

  it('does not duplicate a content already present when appending', async () => {
    await raw(sb, 'PUT', '/api/dns/v1/zones/example.com', { overwrite: false, zone: [{ name: '@', type: 'MX', records: [{ content: '10 mail.example.com' }, { content: '30 mx3.example.com' }] }] })
    expect(set('@', 'MX')!.records.map(r => r.content)).toEqual(['10 mail.example.com.', '20 backup-mx.example.net.', '30 mx3.example.com.'])
    expect(set('@', 'MX')!.ttl).toBe(14400)
  })

  it('quotes TXT values and qualifies host names', async () => {
    await raw(sb, 'PUT', '/api/dns/v1/zones/example.com', { zone: [{ name: 'txt', type: 'TXT', ttl: 300, records: [{ content: 'hello world' }] }, { name: 'alias', type: 'CNAME', records: [{ content: 'Target.Example.org' }] }] })
    expect(set('txt', 'TXT')!.records[0]!.content).toBe('"hello world"')
    expect(set('alias', 'CNAME')!.records[0]!.content).toBe('target.example.org.')
  })
})

describe('DELETE and reset', () => {
  it('requires filters', async () => {
    const res = await sb.offContract(() => raw(sb, 'DELETE', '/api/dns/v1/zones/example.com', {}))
    expect(res.status).toBe(422)
    expect(res.body.errors).toEqual({ filters: ['The filters field is required.'] })
    expect(zone().snapshots).toHaveLength(1)
  })

  it('keeps e-mail records when reset_email_records is false, and whitelisted types', async () => {
    await raw(sb, 'POST', '/api/dns/v1/zones/example.com/reset', { reset_email_records: false, whitelisted_record_types: ['SRV'] })
    expect(set('@', 'A')!.records[0]!.content).toBe('2.57.91.91')
    expect(set('@', 'MX')!.records.map(r => r.content)).toEqual(['10 mail.example.com.', '20 backup-mx.example.net.'])
    expect(set('_dmarc', 'TXT')).toBeDefined()
    expect(set('_sip._tcp', 'SRV')).toBeDefined()
    expect(set('mail', 'A')).toBeUndefined()
  })

  it('refuses an unknown whitelisted type', async () => {
    expect((await sb.offContract(() => raw(sb, 'POST', '/api/dns/v1/zones/example.com/reset', { whitelisted_record_types: ['SPF'] }))).status).toBe(422)
  })
})

describe('snapshots and reset()', () => {
  it('serves a snapshot with its grouped records', async () => {
    const res = await raw(sb, 'GET', '/api/dns/v1/snapshots/example.com/5341')
    expect(res.body).toMatchObject({ id: 5341, reason: 'Zone records update request', created_at: expect.any(String) })
    expect(res.body.snapshot[0]).toEqual({ name: '@', type: 'A', ttl: 14400, records: [{ content: '2.57.91.91', is_disabled: false }] })
  })

  it('restores the seed in place, so mounted routes see it', async () => {
    const before = state()
    await raw(sb, 'DELETE', '/api/dns/v1/zones/example.com', { filters: [{ name: '@', type: 'A' }] })
    expect(set('@', 'A')).toBeUndefined()
    sb.reset()
    expect(state()).toBe(before)
    expect((await raw(sb, 'GET', '/api/dns/v1/zones/example.com')).body).toHaveLength(10)
    expect(zone().snapshots).toHaveLength(1)
  })
})
