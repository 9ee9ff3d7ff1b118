import { describe, expect, it } from 'vitest'
import { daysUntil, domainNameProblem, hostNameProblem, nameserverListProblem, splitNames } from '../../../shared/domains/names'
import { checkBodySchema, nameserversBodySchema, purchaseBodySchema } from '../../../shared/domains/schema'

describe('domain names', () => {
  it.each(['example.com', 'Cool-Project.IO', 'shop.example.net.', 'a.co', 'xn--bcher-kva.example', 'x1.xn--p1ai'])('accepts %s', (n) => {
    expect(domainNameProblem(n)).toBeNull()
  })

  it.each([
    ['', /Enter a domain/],
    ['example', /needs a name and an extension/],
    ['-bad.com', /hyphen/],
    ['bad-.com', /hyphen/],
    ['ex ample.com', /space/],
    ['exa_mple.com', /letters, digits and hyphens/],
    ['example..com', /empty part/],
    ['example.c0m', /valid extension/],
    ['example.c', /valid extension/],
    [`${'a'.repeat(64)}.com`, /63 characters/],
  ])('refuses %j', (n, msg) => {
    expect(domainNameProblem(n)).toMatch(msg)
  })

  it('says a nameserver must be a full host name', () => {
    expect(hostNameProblem('ns1')).toMatch(/full host name/)
    expect(hostNameProblem('ns1.example.net')).toBeNull()
  })

  it('checks nameserver lists: 2 to 4 distinct valid host names', () => {
    expect(nameserverListProblem(['ns1.a.com'])).toMatch(/at least 2/)
    expect(nameserverListProblem(['ns1.a.com', ''])).toMatch(/at least 2/)
    expect(nameserverListProblem(['a.com', 'b.com', 'c.com', 'd.com', 'e.com'])).toMatch(/at most 4/)
    expect(nameserverListProblem(['ns1.a.com', 'NS1.a.com.'])).toMatch(/listed twice/)
    expect(nameserverListProblem(['ns1.a.com', 'ns_2.a.com'])).toMatch(/letters, digits/)
    expect(nameserverListProblem(['ns1.a.com', 'ns2.a.com', 'ns3.a.com', 'ns4.a.com'])).toBeNull()
  })

  it('splits pasted names, dropping repeats and blanks', () => {
    expect(splitNames(' a.com, B.io\n\nc.dev;a.com ')).toEqual(['a.com', 'b.io', 'c.dev'])
  })

  it('counts calendar days (UTC) until a date', () => {
    const now = Date.parse('2026-01-01T10:00:00Z')
    expect(daysUntil('2026-01-21T10:00:00Z', now)).toBe(20)
    expect(daysUntil('2026-01-21T09:59:59Z', now)).toBe(20)
    expect(daysUntil('2026-01-01T23:59:59Z', now)).toBe(0)
    expect(daysUntil('2026-01-01T00:00:00Z', now)).toBe(0)
    expect(daysUntil('2025-12-31T23:00:00Z', now)).toBe(-1)
    expect(daysUntil(null, now)).toBeNull()
    expect(daysUntil('not a date', now)).toBeNull()
  })
})

describe('body schemas', () => {
  it('check: 1 to 20 valid names, normalized', () => {
    expect(checkBodySchema.parse({ domains: ['Cool.COM.'] })).toEqual({ domains: ['cool.com'] })
    expect(checkBodySchema.safeParse({ domains: [] }).success).toBe(false)
    expect(checkBodySchema.safeParse({ domains: Array.from({ length: 21 }, (_, i) => `n${i}.com`) }).success).toBe(false)
    expect(checkBodySchema.safeParse({ domains: ['ok.com', 'not a name'] }).success).toBe(false)
    expect(checkBodySchema.safeParse({ domains: ['ok.com'], extra: 1 }).success).toBe(false)
  })

  it('purchase: name, whole years 1–10, payment method id as a string', () => {
    expect(purchaseBodySchema.parse({ domain: 'A.com', period: 2, payment_method_id: 42 })).toEqual({ domain: 'a.com', period: 2, payment_method_id: '42' })
    expect(purchaseBodySchema.safeParse({ domain: 'a.com', period: 0 }).success).toBe(false)
    expect(purchaseBodySchema.safeParse({ domain: 'a.com', period: 1.5 }).success).toBe(false)
    expect(purchaseBodySchema.safeParse({ domain: 'a' }).success).toBe(false)
    expect(purchaseBodySchema.safeParse({}).success).toBe(false)
  })

  it('nameservers: 2–4 distinct host names', () => {
    expect(nameserversBodySchema.parse({ nameservers: ['NS1.Cloudflare.com.', 'ns2.cloudflare.com'] })).toEqual({ nameservers: ['ns1.cloudflare.com', 'ns2.cloudflare.com'] })
    expect(nameserversBodySchema.safeParse({ nameservers: ['ns1.a.com'] }).success).toBe(false)
    expect(nameserversBodySchema.safeParse({ nameservers: ['a.com', 'b.com', 'c.com', 'd.com', 'e.com'] }).success).toBe(false)
    const dup = nameserversBodySchema.safeParse({ nameservers: ['ns1.a.com', 'NS1.a.com'] })
    expect(dup.success).toBe(false)
    expect(dup.error?.issues[0]?.message).toMatch(/listed twice/)
    expect(nameserversBodySchema.safeParse({ nameservers: ['ns1', 'ns2.a.com'] }).success).toBe(false)
  })
})
