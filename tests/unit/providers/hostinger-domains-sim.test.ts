/** The Hostinger domain simulator itself: shapes and rules the adapter tests do not reach. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../sandbox/server'
import { raw, startHostingerSandbox } from './hostinger-dns-setup'

let sb: Sandbox

beforeAll(async () => { sb = await startHostingerSandbox() })
afterAll(async () => { await sb.close() })
beforeEach(() => { sb.reset() })

describe('portfolio', () => {
  it('lists DomainResource items only (details are a separate call)', async () => {
    const res = await raw(sb, 'GET', '/api/domains/v1/portfolio')
    expect(res.status).toBe(200)
    expect(Object.keys(res.body[0]).sort()).toEqual(['created_at', 'domain', 'expires_at', 'id', 'status', 'type'])
  })

  it('serves DomainExtendedResource details', async () => {
    const res = await raw(sb, 'GET', '/api/domains/v1/portfolio/example.com')
    expect(res.body).toMatchObject({
      domain: 'example.com', status: 'active', is_locked: true, is_lockable: true, is_privacy_protected: true,
      is_privacy_protection_allowed: true, name_servers: { ns1: 'ns1.dns-parking.com', ns2: 'ns2.dns-parking.com' },
      domain_contacts: { owner_id: expect.any(Number) }, '60_days_lock_expires_at': null,
    })
    expect(res.body).not.toHaveProperty('setupEndsAt')
  })

  it('answers 401 without a token', async () => {
    expect((await raw(sb, 'GET', '/api/domains/v1/portfolio', undefined, null)).status).toBe(401)
  })
})

describe('availability', () => {
  it('answers per TLD, with alternatives on request', async () => {
    const res = await raw(sb, 'POST', '/api/domains/v1/availability', { domain: 'mybrand', tlds: ['eu'], with_alternatives: true })
    expect(res.body).toEqual([
      { domain: 'mybrand.eu', is_available: true, is_alternative: false, restriction: expect.stringContaining('European Union') },
      { domain: 'getmybrand.eu', is_available: true, is_alternative: true, restriction: expect.any(String) },
      { domain: 'mybrandhq.eu', is_available: true, is_alternative: true, restriction: expect.any(String) },
      { domain: 'mybrandonline.eu', is_available: true, is_alternative: true, restriction: expect.any(String) },
    ])
  })

  it('validates like the spec says', async () => {
    const noTlds = await raw(sb, 'POST', '/api/domains/v1/availability', { domain: 'x' })
    expect(noTlds.body.errors).toEqual({ tlds: ['The tlds field is required.'] })
    const withDot = await raw(sb, 'POST', '/api/domains/v1/availability', { domain: 'x.com', tlds: ['.com'] })
    expect(Object.keys(withDot.body.errors)).toEqual(['domain', 'tlds.0'])
    const altMany = await raw(sb, 'POST', '/api/domains/v1/availability', { domain: 'x', tlds: ['com', 'net'], with_alternatives: true })
    expect(altMany.body.errors.tlds).toEqual(['The tlds field must contain 1 item when with alternatives is true.'])
  })
})

describe('purchase', () => {
  it('answers the billing order', async () => {
    const res = await raw(sb, 'POST', '/api/domains/v1/portfolio', { domain: 'fresh-name.org', item_id: 'hostingercom-domain-org-usd-1y' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: expect.any(Number), subscription_id: expect.any(String), status: 'completed', currency: 'USD', subtotal: 899, total: 1088 })
    expect((await raw(sb, 'GET', '/api/domains/v1/portfolio/fresh-name.org')).body.status).toBe('pending_setup')
  })

  it('refuses unknown items, items of another TLD and missing fields', async () => {
    expect((await raw(sb, 'POST', '/api/domains/v1/portfolio', { domain: 'fresh.com', item_id: 'nope' })).body.errors).toEqual({ item_id: ['The selected item id is invalid.'] })
    expect((await raw(sb, 'POST', '/api/domains/v1/portfolio', { domain: 'fresh.com', item_id: 'hostingercom-domain-net-usd-1y' })).body.errors.item_id[0]).toContain('cannot be used to register fresh.com')
    expect(Object.keys((await raw(sb, 'POST', '/api/domains/v1/portfolio', {})).body.errors)).toEqual(['domain', 'item_id'])
    expect((await raw(sb, 'POST', '/api/domains/v1/portfolio', { domain: 'fresh.com', item_id: 'hostingercom-domain-com-usd-1y', payment_method_id: 'x' })).status).toBe(422)
  })

  it('refuses a domain already in the portfolio', async () => {
    const res = await raw(sb, 'POST', '/api/domains/v1/portfolio', { domain: 'example.com', item_id: 'hostingercom-domain-com-usd-1y' })
    expect(res.status).toBe(422)
    expect(res.body.errors.domain).toEqual(['Domain example.com is not available for registration.'])
  })

  it('refuses lock changes while the registration is pending', async () => {
    await raw(sb, 'POST', '/api/domains/v1/portfolio', { domain: 'fresh-name.org', item_id: 'hostingercom-domain-org-usd-1y' })
    const res = await raw(sb, 'PUT', '/api/domains/v1/portfolio/fresh-name.org/domain-lock')
    expect(res.status).toBe(422)
    expect(res.body.message).toContain('pending_setup')
  })
})

describe('nameservers and catalog', () => {
  it('refuses duplicate nameservers', async () => {
    const res = await raw(sb, 'PUT', '/api/domains/v1/portfolio/example.com/nameservers', { ns1: 'a.ns.example.org', ns2: 'A.ns.example.org.' })
    expect(res.body.errors).toEqual({ ns2: ['The ns2 field must be different from the other name servers.'] })
  })

  it('refuses nameserver changes on an expired domain', async () => {
    const res = await raw(sb, 'PUT', '/api/domains/v1/portfolio/old-brand.org/nameservers', { ns1: 'a.ns.example.org', ns2: 'b.ns.example.org' })
    expect(res.status).toBe(422)
  })

  it('filters the DOMAIN catalog by category and wildcard name, prices in cents', async () => {
    const com = await raw(sb, 'GET', '/api/billing/v1/catalog?category=DOMAIN&name=.COM*')
    expect(com.body).toHaveLength(1)
    expect(com.body[0]).toMatchObject({ id: 'hostingercom-domain-com', name: '.COM Domain', category: 'DOMAIN' })
    expect(com.body[0].prices[0]).toEqual({ id: 'hostingercom-domain-com-usd-1y', name: '.COM Domain (billed every year)', currency: 'USD', price: 1599, first_period_price: 999, period: 1, period_unit: 'year' })
    expect((await raw(sb, 'GET', '/api/billing/v1/catalog?category=VPS')).body.every((i: any) => i.category === 'VPS')).toBe(true)
  })
})
