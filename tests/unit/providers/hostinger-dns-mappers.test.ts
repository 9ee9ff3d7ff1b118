import { describe, expect, it } from 'vitest'
import { joinContent, relativeName, splitContent, toDnsRecords, toDnsSnapshot, toZoneInput } from '../../../server/providers/hostinger/dns-mappers'
import {
  catalogItemForTld, domainPrice, isoDate, nameserverBody, nameserverList, splitDomainName, toAvailability, toDomain,
} from '../../../server/providers/hostinger/domains-mappers'

describe('DNS content priority', () => {
  it.each([
    ['MX', '10 mail.example.com.', { content: 'mail.example.com', priority: 10 }],
    ['SRV', '10 60 5060 sip.example.com.', { content: '60 5060 sip.example.com', priority: 10 }],
    ['CNAME', 'example.com.', { content: 'example.com' }],
    ['TXT', '"v=spf1 -all"', { content: 'v=spf1 -all' }],
    ['TXT', '"part one" "part two"', { content: '"part one" "part two"' }],
    ['CAA', '0 issue "letsencrypt.org"', { content: '0 issue "letsencrypt.org"' }],
    ['A', '198.51.100.1', { content: '198.51.100.1' }],
  ])('splits %s %s', (type, content, expected) => {
    expect(splitContent(type, content)).toEqual(expected)
  })

  it('joins priority back, once', () => {
    expect(joinContent({ type: 'MX', content: 'mail.example.com', priority: 10 })).toBe('10 mail.example.com')
    expect(joinContent({ type: 'MX', content: '10 mail.example.com', priority: 10 })).toBe('10 mail.example.com')
    expect(joinContent({ type: 'SRV', content: '60 5060 sip.example.com', priority: 0 })).toBe('0 60 5060 sip.example.com')
    expect(joinContent({ type: 'MX', content: 'mail.example.com' })).toBe('mail.example.com')
    expect(joinContent({ type: 'A', content: '198.51.100.1', priority: 5 })).toBe('198.51.100.1')
  })

  it('round-trips a read zone into the same write groups', () => {
    const zone = [
      { name: '@', type: 'MX', ttl: 3600, records: [{ content: '10 a.example.com.' }, { content: '20 b.example.com.' }] },
      { name: '_x._udp', type: 'SRV', ttl: 300, records: [{ content: '1 2 3 t.example.com.' }] },
    ]
    expect(toZoneInput('example.com', toDnsRecords(zone))).toEqual([
      { name: '@', type: 'MX', ttl: 3600, records: [{ content: '10 a.example.com' }, { content: '20 b.example.com' }] },
      { name: '_x._udp', type: 'SRV', ttl: 300, records: [{ content: '1 2 3 t.example.com' }] },
    ])
  })
})

describe('DNS names and groups', () => {
  it('makes names zone-relative', () => {
    expect(relativeName('example.com', 'example.com')).toBe('@')
    expect(relativeName('example.com', 'Example.com.')).toBe('@')
    expect(relativeName('example.com', '')).toBe('@')
    expect(relativeName('example.com', 'www.example.com')).toBe('www')
    expect(relativeName('example.com', 'www')).toBe('www')
    expect(relativeName('example.com', 'notexample.com')).toBe('notexample.com')
  })

  it('keeps the first TTL of a group', () => {
    expect(toZoneInput('example.com', [
      { type: 'A', name: '@', content: '198.51.100.1', ttl: 300 },
      { type: 'A', name: 'example.com', content: '198.51.100.2', ttl: 600 },
    ])).toEqual([{ name: '@', type: 'A', ttl: 300, records: [{ content: '198.51.100.1' }, { content: '198.51.100.2' }] }])
  })

  it('skips types we do not model', () => {
    expect(toDnsRecords([
      { name: '@', type: 'SOA', ttl: 3600, records: [{ content: 'ns1. hostmaster. 1 2 3 4 5' }] },
      { name: 'a', type: 'ALIAS', ttl: 3600, records: [{ content: 'x.example.org.' }] },
    ])).toEqual([])
  })

  it('maps a snapshot with and without records', () => {
    expect(toDnsSnapshot({ id: 7, reason: 'r', created_at: '2025-02-27T11:54:22Z' })).toEqual({ id: '7', reason: 'r', createdAt: '2025-02-27T11:54:22Z' })
    expect(toDnsSnapshot({ id: 7, created_at: 'x', snapshot: [{ name: '@', type: 'A', ttl: 60, records: [{ content: '198.51.100.1' }] }] }).records)
      .toEqual([{ id: '@/A/0', type: 'A', name: '@', content: '198.51.100.1', ttl: 60 }])
  })
})

describe('domain mappers', () => {
  it('orders nameservers by slot and drops empty ones', () => {
    expect(nameserverList({ ns2: 'b', ns1: 'a', ns3: '', ns4: 'd' })).toEqual(['a', 'b', 'd'])
    expect(nameserverList(null)).toEqual([])
    expect(nameserverBody(['NS1.X.org.', 'ns2.x.org'])).toEqual({ ns1: 'ns1.x.org', ns2: 'ns2.x.org' })
  })

  it('normalizes the renewal endpoint\'s date format', () => {
    expect(isoDate('2027-05-25 13:53:04')).toBe('2027-05-25T13:53:04Z')
    expect(isoDate('2027-05-25T13:53:04Z')).toBe('2027-05-25T13:53:04Z')
    expect(isoDate(null)).toBeNull()
  })

  it('maps details, keeping the raw record', () => {
    const d = toDomain({ domain: 'x.com', status: 'active', is_locked: true, is_privacy_protected: false, name_servers: { ns1: 'a', ns2: 'b' }, expires_at: '2030-01-01T00:00:00Z' })
    expect(d).toEqual({
      name: 'x.com', registrar: 'Hostinger', status: 'active', expires_at: '2030-01-01T00:00:00Z', auto_renew: false,
      locked: true, privacy_protection: false, nameservers: ['a', 'b'], extra: expect.objectContaining({ is_locked: true, auto_renew_known: false }),
    })
  })

  it('splits names at the first label', () => {
    expect(splitDomainName('Cool.co.uk.')).toEqual({ sld: 'cool', tld: 'co.uk' })
  })

  it('matches catalog items by exact TLD (.CO is not .COM)', () => {
    const price = (id: string, period: number) => ({ id, currency: 'USD', price: 100, first_period_price: 50, period, period_unit: 'year' })
    const items = [
      { id: 'com', name: '.COM Domain', category: 'DOMAIN', prices: [price('com-1y', 1)] },
      { id: 'co', name: '.CO Domain', category: 'DOMAIN', prices: [price('co-1y', 1), price('co-2y', 2)] },
    ]
    expect(catalogItemForTld(items, 'co')?.id).toBe('co')
    expect(domainPrice(items, 'co', 2)?.id).toBe('co-2y')
    expect(domainPrice(items, 'com', 2)).toBeUndefined()
    expect(toAvailability({ domain: 'a.co', is_available: true }, domainPrice(items, 'co'))).toEqual({ domain: 'a.co', available: true, price: 0.5, currency: 'USD' })
    expect(toAvailability({ domain: 'a.co', is_available: false }, domainPrice(items, 'co'))).toEqual({ domain: 'a.co', available: false })
  })
})
