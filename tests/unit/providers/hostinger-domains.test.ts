import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../sandbox/server'
import type { HostingerDnsState } from '../../../sandbox/providers/hostinger/dns'
import type { HostingerDomainState } from '../../../sandbox/providers/hostinger/domains'
import type { BaseAdapter } from '../../../server/providers/base'
import { hits, hostingerAdapter, startHostingerSandbox, TOKEN } from './hostinger-dns-setup'

let sb: Sandbox
let adapter: BaseAdapter
const DAY = 86_400_000
const simState = () => sb.sims.hostinger.state as { dns: HostingerDnsState, domains: HostingerDomainState }
const daysFromNow = (iso: string | null) => (Date.parse(iso!) - Date.now()) / DAY

beforeAll(async () => { sb = await startHostingerSandbox() })
afterAll(async () => { await sb.close() })
beforeEach(() => {
  sb.reset()
  adapter = hostingerAdapter(sb)
})

describe('listDomains / getDomain', () => {
  it('lists the portfolio with details (lock, privacy, nameservers) for each domain', async () => {
    const list = await adapter.listDomains()
    expect(list.map(d => d.name)).toEqual(['example.com', 'shop.example.net', 'old-brand.org'])
    const [example, shop, old] = list
    expect(example).toMatchObject({
      name: 'example.com', registrar: 'Hostinger', status: 'active', auto_renew: false,
      locked: true, privacy_protection: true, nameservers: ['ns1.dns-parking.com', 'ns2.dns-parking.com'],
    })
    expect(daysFromNow(example!.expires_at)).toBeGreaterThan(365)
    expect(shop).toMatchObject({ locked: false, privacy_protection: false, nameservers: ['ns1.dns-parking.com', 'ns2.dns-parking.com', 'ns3.dns-parking.com'] })
    expect(daysFromNow(shop!.expires_at)).toBeGreaterThan(19)
    expect(daysFromNow(shop!.expires_at)).toBeLessThanOrEqual(20)
    expect(old).toMatchObject({ status: 'expired', locked: false, nameservers: ['ns1.example-dns.net', 'ns2.example-dns.net'] })
    expect(example!.extra).toMatchObject({ is_lockable: true, auto_renew_known: false })

    expect(hits(sb, 'GET', '/api/domains/v1/portfolio')).toHaveLength(1)
    expect(hits(sb, 'GET').map(r => r.path).filter(p => p.startsWith('/api/domains/v1/portfolio/')).sort())
      .toEqual(['/api/domains/v1/portfolio/example.com', '/api/domains/v1/portfolio/old-brand.org', '/api/domains/v1/portfolio/shop.example.net'])
    expect(hits(sb).every(r => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true)
  })

  it('falls back to the list entry when a domain has no readable details', async () => {
    sb.faults.add('hostinger', { status: 404, match: '/portfolio/old-brand.org', count: 1 })
    const old = (await adapter.listDomains()).find(d => d.name === 'old-brand.org')!
    expect(old).toMatchObject({ status: 'expired', nameservers: [], extra: expect.objectContaining({ details_known: false }) })
  })

  it('reads one domain', async () => {
    const d = await adapter.getDomain('Example.com')
    expect(d).toMatchObject({ name: 'example.com', locked: true, privacy_protection: true })
    expect(hits(sb)[0]).toMatchObject({ method: 'GET', path: '/api/domains/v1/portfolio/example.com' })
  })

  it('is not_found for a domain outside the portfolio', async () => {
    const err = await adapter.getDomain('nobody.example').catch(e => e)
    expect(err).toMatchObject({ code: 'not_found', statusCode: 404 })
    expect(err.message).toContain('not found in your portfolio')
  })

  it('is provider_auth with a wrong token', async () => {
    await expect(hostingerAdapter(sb, {}, 'nope').listDomains()).rejects.toMatchObject({ code: 'provider_auth', message: expect.stringContaining('Hostinger') })
  })
})

describe('checkDomains', () => {
  it('asks once per name with all its TLDs and prices available names from the DOMAIN catalog', async () => {
    const out = await adapter.checkDomains(['cool-project.com', 'cool-project.io', 'taken-name.com', 'Cool-Project.dev'])
    expect(out).toEqual([
      { domain: 'cool-project.com', available: true, price: 9.99, currency: 'USD' },
      { domain: 'cool-project.io', available: true, price: 32.99, currency: 'USD' },
      { domain: 'taken-name.com', available: false },
      { domain: 'cool-project.dev', available: true, price: 11.99, currency: 'USD' },
    ])
    const checks = hits(sb, 'POST', '/api/domains/v1/availability').map(r => r.body)
    expect(checks).toEqual([
      { domain: 'cool-project', tlds: ['com', 'io', 'dev'], with_alternatives: false },
      { domain: 'taken-name', tlds: ['com'], with_alternatives: false },
    ])
    const [catalog] = hits(sb, 'GET', '/api/billing/v1/catalog')
    expect(catalog!.query).toEqual({ category: 'DOMAIN' })
  })

  it('reports a name already in the portfolio as unavailable', async () => {
    expect(await adapter.checkDomains(['example.com'])).toEqual([{ domain: 'example.com', available: false }])
    expect(hits(sb, 'GET', '/api/billing/v1/catalog')).toHaveLength(0)
  })

  it('refuses a name without TLD locally', async () => {
    await expect(adapter.checkDomains(['localhost'])).rejects.toMatchObject({ code: 'invalid_request' })
    expect(hits(sb)).toHaveLength(0)
  })

  it('passes on Hostinger refusing a TLD it does not sell', async () => {
    const err = await adapter.checkDomains(['cool-project.zz']).catch(e => e)
    expect(err).toMatchObject({ code: 'invalid_request', upstreamStatus: 422 })
    expect(err.message).toContain('The selected tlds.0 is invalid.')
  })

  it('retries the availability lookup when rate limited', async () => {
    sb.faults.add('hostinger', { status: 429, retryAfter: 0, match: '/availability', count: 1 })
    expect(await adapter.checkDomains(['cool-project.com'])).toEqual([{ domain: 'cool-project.com', available: true, price: 9.99, currency: 'USD' }])
    expect(hits(sb, 'POST', '/api/domains/v1/availability')).toHaveLength(2)
  })
})

describe('purchaseDomain', () => {
  it('orders with the catalog price item, then returns the pending domain with its zone', async () => {
    const d = await adapter.purchaseDomain({ domain: 'cool-project.com', period: 2, privacy_protection: true, auto_renew: true, payment_method_id: '1327362' })
    const [catalog] = hits(sb, 'GET', '/api/billing/v1/catalog')
    expect(catalog!.query).toEqual({ category: 'DOMAIN', name: '.COM*' })
    const posts = hits(sb, 'POST', '/api/domains/v1/portfolio')
    expect(posts).toHaveLength(1)
    expect(posts[0]!.body).toEqual({ domain: 'cool-project.com', item_id: 'hostingercom-domain-com-usd-2y', payment_method_id: 1327362 })
    expect(posts[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(hits(sb, 'PUT', '/api/domains/v1/portfolio/cool-project.com/privacy-protection')).toHaveLength(1)

    expect(d).toMatchObject({ name: 'cool-project.com', status: 'pending_setup', privacy_protection: true, locked: false })
    expect(daysFromNow(d.expires_at)).toBeGreaterThan(729)
    expect(d.extra).toMatchObject({ order: { status: 'completed', subtotal: 999 + 1599, currency: 'USD' }, price_item_id: 'hostingercom-domain-com-usd-2y', auto_renew_requested: true })
    expect(simState().dns.zones.has('cool-project.com')).toBe(true)

    await expect.poll(() => adapter.getDomain('cool-project.com'), { timeout: 10_000, interval: 25 }).toMatchObject({ status: 'active', privacy_protection: true })
  })

  it('refuses an unavailable name with the upstream 422 message', async () => {
    const err = await adapter.purchaseDomain({ domain: 'already-taken.com' }).catch(e => e)
    expect(err).toMatchObject({ code: 'invalid_request', upstreamStatus: 422 })
    expect(err.message).toContain('Domain already-taken.com is not available for registration.')
    expect(hits(sb, 'POST', '/api/domains/v1/portfolio')).toHaveLength(1)
    expect(simState().domains.domains.has('already-taken.com')).toBe(false)
  })

  it('is never retried: a 503 on the order is one request and an error', async () => {
    sb.faults.add('hostinger', { status: 503, method: 'POST', match: '/portfolio', count: 1 })
    await expect(adapter.purchaseDomain({ domain: 'cool-project.com' })).rejects.toMatchObject({ code: 'upstream_error', upstreamStatus: 503 })
    expect(hits(sb, 'POST', '/api/domains/v1/portfolio')).toHaveLength(1)
    expect(simState().domains.domains.has('cool-project.com')).toBe(false)
  })

  it('is not retried on timeout either', async () => {
    sb.faults.add('hostinger', { hang: true, method: 'POST', match: '/portfolio' })
    const a = hostingerAdapter(sb, { timeoutMs: 150 })
    await expect(a.purchaseDomain({ domain: 'cool-project.com' })).rejects.toMatchObject({ code: 'timeout' })
    expect(hits(sb, 'POST', '/api/domains/v1/portfolio')).toHaveLength(1)
    sb.faults.clear()
  })

  it('refuses a period the catalog does not sell, without ordering', async () => {
    const err = await adapter.purchaseDomain({ domain: 'cool-project.dev', period: 5 }).catch(e => e)
    expect(err).toMatchObject({ code: 'invalid_request' })
    expect(err.message).toContain('does not sell .dev registrations for 5 years')
    expect(hits(sb, 'POST')).toHaveLength(0)
  })

  it('refuses a non-numeric payment method id, without ordering', async () => {
    await expect(adapter.purchaseDomain({ domain: 'cool-project.com', payment_method_id: 'pm_abc' })).rejects.toMatchObject({ code: 'invalid_request' })
    expect(hits(sb, 'POST')).toHaveLength(0)
  })

  it('still reports the purchase when the domain cannot be read back yet', async () => {
    sb.faults.add('hostinger', { status: 404, method: 'GET', match: '/portfolio/cool-project.com', count: 1 })
    const d = await adapter.purchaseDomain({ domain: 'cool-project.com' })
    expect(d).toMatchObject({ name: 'cool-project.com', status: 'pending_setup', extra: expect.objectContaining({ order: expect.objectContaining({ status: 'completed' }) }) })
  })
})

describe('setNameservers', () => {
  it('PUTs ns1..ns4 and the domain reflects them', async () => {
    await adapter.setNameservers('shop.example.net', ['NS1.Cloudflare.com.', 'ns2.cloudflare.com'])
    const [req] = hits(sb, 'PUT', '/api/domains/v1/portfolio/shop.example.net/nameservers')
    expect(req!.body).toEqual({ ns1: 'ns1.cloudflare.com', ns2: 'ns2.cloudflare.com' })
    expect((await adapter.getDomain('shop.example.net')).nameservers).toEqual(['ns1.cloudflare.com', 'ns2.cloudflare.com'])
  })

  it('accepts four', async () => {
    await adapter.setNameservers('example.com', ['a.ns.example.org', 'b.ns.example.org', 'c.ns.example.org', 'd.ns.example.org'])
    expect((await adapter.getDomain('example.com')).nameservers).toHaveLength(4)
  })

  it('passes on Hostinger refusing a single nameserver', async () => {
    // One nameserver breaks the spec (ns2 is required): the point is Hostinger's refusal.
    const err = await sb.offContract(() => adapter.setNameservers('example.com', ['ns1.cloudflare.com'])).catch(e => e)
    expect(err).toMatchObject({ code: 'invalid_request', upstreamStatus: 422 })
    expect(err.message).toContain('The ns2 field is required.')
  })

  it('passes on Hostinger refusing an invalid host', async () => {
    await expect(adapter.setNameservers('example.com', ['ns1.cloudflare.com', '198.51.100.53'])).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('ns2 field must be a valid host name') })
  })

  it('refuses more than four locally', async () => {
    await expect(adapter.setNameservers('example.com', ['a.x.org', 'b.x.org', 'c.x.org', 'd.x.org', 'e.x.org'])).rejects.toMatchObject({ code: 'invalid_request' })
    expect(hits(sb)).toHaveLength(0)
  })

  it('is not_found outside the portfolio', async () => {
    await expect(adapter.setNameservers('nobody.example', ['a.x.org', 'b.x.org'])).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('setDomainLock / setDomainPrivacy', () => {
  it('locks with PUT and unlocks with DELETE', async () => {
    await adapter.setDomainLock('shop.example.net', true)
    expect((await adapter.getDomain('shop.example.net')).locked).toBe(true)
    await adapter.setDomainLock('shop.example.net', false)
    expect((await adapter.getDomain('shop.example.net')).locked).toBe(false)
    expect(hits(sb).filter(r => r.path.endsWith('/domain-lock')).map(r => r.method)).toEqual(['PUT', 'DELETE'])
  })

  it('enables privacy with PUT and disables it with DELETE', async () => {
    await adapter.setDomainPrivacy('example.com', false)
    expect((await adapter.getDomain('example.com')).privacy_protection).toBe(false)
    await adapter.setDomainPrivacy('example.com', true)
    expect((await adapter.getDomain('example.com')).privacy_protection).toBe(true)
    expect(hits(sb).filter(r => r.path.endsWith('/privacy-protection')).map(r => `${r.method} ${r.path}`))
      .toEqual(['DELETE /api/domains/v1/portfolio/example.com/privacy-protection', 'PUT /api/domains/v1/portfolio/example.com/privacy-protection'])
  })

  it('passes on Hostinger refusing an expired domain (wrong state)', async () => {
    await expect(adapter.setDomainLock('old-brand.org', true)).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('Domain lock is not available for old-brand.org') })
    await expect(adapter.setDomainPrivacy('old-brand.org', true)).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('Privacy protection is not available') })
  })

  it('retries a lock change on 503 (setting a flag twice is harmless)', async () => {
    sb.faults.add('hostinger', { status: 503, method: 'PUT', count: 1 })
    await adapter.setDomainLock('shop.example.net', true)
    expect(hits(sb, 'PUT')).toHaveLength(2)
  })

  it('is not_found outside the portfolio', async () => {
    await expect(adapter.setDomainLock('nobody.example', true)).rejects.toMatchObject({ code: 'not_found' })
    await expect(adapter.setDomainPrivacy('nobody.example', false)).rejects.toMatchObject({ code: 'not_found' })
  })
})
