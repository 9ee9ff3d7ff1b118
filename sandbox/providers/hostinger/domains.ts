/**
 * Hostinger domain routes (`/api/domains/v1/...`): portfolio list/details, availability,
 * purchase (answers the billing order; the domain is `pending_setup` for the transition time),
 * nameservers, domain lock and privacy protection. Plus the DOMAIN slice of
 * `GET /api/billing/v1/catalog`, for a simulator that does not serve the full catalog.
 */
import type { Router, SimRequest } from '../../core/router'
import type { SimOptions } from '../../core/simulator'
import { accepted, FieldErrors, hostingerError, isHostName, isoNoMillis, unprocessable } from './dns-http'
import { addDefaultZone, type HostingerDnsState } from './dns-state'
import {
  catalogItemForTld, currentDomain, newPortfolioDomain,
  type CatalogItem, type HostingerDomainState, type PortfolioDomain,
} from './domains-state'

export { createDomainState, resetDomainState, domainCatalogItems, type HostingerDomainState } from './domains-state'

const SLD = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/
const YEAR = 365 * 86_400_000
/** Names containing this are always registered by someone else. */
const TAKEN_MARKER = 'taken'
const TLD_RESTRICTIONS: Record<string, string> = { eu: 'Registrant must reside in the European Union, Iceland, Liechtenstein or Norway.' }

/** `tld` is everything after the first label: `shop.co.uk` → `co.uk`. */
function splitName(name: string) {
  const i = name.indexOf('.')
  return i < 0 ? { sld: name, tld: '' } : { sld: name.slice(0, i), tld: name.slice(i + 1) }
}

function publicListItem(d: PortfolioDomain) {
  return { id: d.id, domain: d.domain, type: d.type, status: d.status, created_at: d.created_at, expires_at: d.expires_at }
}

function publicDetails(d: PortfolioDomain) {
  const { id: _id, type: _type, setupEndsAt: _s, ...rest } = d
  return { ...rest, name_servers: { ...d.name_servers } }
}

export function registerDomainRoutes(router: Router, state: HostingerDomainState, opts: SimOptions, dns?: HostingerDnsState) {
  const domainOf = (req: SimRequest) => {
    const d = state.domains.get(req.params.domain!.toLowerCase())
    return d ? currentDomain(d) : undefined
  }
  const notInPortfolio = (req: SimRequest) => hostingerError(404, `Domain ${req.params.domain} was not found in your portfolio`)
  const isAvailable = (name: string) => !name.includes(TAKEN_MARKER) && !state.domains.has(name)
  const touch = (d: PortfolioDomain) => { d.updated_at = isoNoMillis(Date.now()) }

  router.get('/api/domains/v1/portfolio', () => ({
    json: [...state.domains.values()].map(d => publicListItem(currentDomain(d))),
  }))

  router.get('/api/domains/v1/portfolio/:domain', (req) => {
    const d = domainOf(req)
    return d ? { json: publicDetails(d) } : notInPortfolio(req)
  })

  router.post('/api/domains/v1/availability', (req) => {
    const body = req.body ?? {}
    const errors = new FieldErrors()
    if (typeof body.domain !== 'string' || !body.domain) errors.add('domain', 'The domain field is required.')
    else if (!SLD.test(body.domain.toLowerCase())) errors.add('domain', 'The domain field format is invalid.')
    if (!Array.isArray(body.tlds) || body.tlds.length === 0) errors.add('tlds', 'The tlds field is required.')
    else body.tlds.forEach((t: unknown, i: number) => {
      if (typeof t !== 'string' || !/^[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(t)) errors.add(`tlds.${i}`, `The tlds.${i} field format is invalid.`)
      else if (!catalogItemForTld(state, t)) errors.add(`tlds.${i}`, `The selected tlds.${i} is invalid.`)
    })
    if (body.with_alternatives !== undefined && typeof body.with_alternatives !== 'boolean') errors.add('with_alternatives', 'The with alternatives field must be true or false.')
    else if (body.with_alternatives && Array.isArray(body.tlds) && body.tlds.length > 1) errors.add('tlds', 'The tlds field must contain 1 item when with alternatives is true.')
    const invalid = errors.response()
    if (invalid) return invalid

    const sld = body.domain.toLowerCase()
    const out = body.tlds.map((t: string) => {
      const domain = `${sld}.${t.toLowerCase()}`
      return { domain, is_available: isAvailable(domain), is_alternative: false, restriction: TLD_RESTRICTIONS[t.toLowerCase()] ?? null }
    })
    if (body.with_alternatives) {
      const tld = body.tlds[0].toLowerCase()
      for (const alt of [`get${sld}`, `${sld}hq`, `${sld}online`]) {
        const domain = `${alt}.${tld}`
        out.push({ domain, is_available: isAvailable(domain), is_alternative: true, restriction: TLD_RESTRICTIONS[tld] ?? null })
      }
    }
    return { json: out }
  })

  router.post('/api/domains/v1/portfolio', (req) => {
    const body = req.body ?? {}
    const errors = new FieldErrors()
    const name = typeof body.domain === 'string' ? body.domain.trim().toLowerCase() : ''
    if (!name) errors.add('domain', 'The domain field is required.')
    else if (!isHostName(name) || name.endsWith('.')) errors.add('domain', 'The domain field format is invalid.')
    let item: CatalogItem | undefined
    const priceId = body.item_id
    if (typeof priceId !== 'string' || !priceId) errors.add('item_id', 'The item id field is required.')
    else {
      item = state.catalog.find(i => i.prices.some(p => p.id === priceId))
      if (!item) errors.add('item_id', 'The selected item id is invalid.')
      else if (name && item !== catalogItemForTld(state, splitName(name).tld)) errors.add('item_id', `The item id ${priceId} cannot be used to register ${name}.`)
    }
    if (body.payment_method_id !== undefined && !Number.isInteger(body.payment_method_id)) errors.add('payment_method_id', 'The payment method id field must be an integer.')
    const invalid = errors.response()
    if (invalid) return invalid
    if (!isAvailable(name)) return unprocessable('domain', `Domain ${name} is not available for registration.`)

    const price = item!.prices.find(p => p.id === priceId)!
    const now = Date.now()
    const d = newPortfolioDomain(state.nextDomainId++, name, now, {
      status: 'pending_setup',
      setupEndsAt: now + opts.transitionMs,
      is_locked: false,
      expires_at: isoNoMillis(now + price.period * YEAR),
    })
    state.domains.set(name, d)
    if (dns) addDefaultZone(dns, name)
    const order = {
      id: state.nextOrderId++,
      subscription_id: `Azz${(now % 1e9).toString(36)}Dom${d.id}`,
      status: 'completed',
      currency: price.currency,
      subtotal: price.first_period_price,
      total: Math.round(price.first_period_price * 1.21),
      domain: name,
      item_id: priceId,
      payment_method_id: body.payment_method_id ?? null,
      created_at: isoNoMillis(now),
      updated_at: isoNoMillis(now),
    }
    state.orders.push(order)
    const { domain: _d, item_id: _i, payment_method_id: _p, ...publicOrder } = order
    return {
      json: {
        ...publicOrder,
        billing_address: { first_name: 'Sandbox', last_name: 'Owner', company: null, address_1: null, address_2: null, city: null, state: null, zip: null, country: 'NL', phone: null, email: 'owner@example.com' },
      },
    }
  })

  router.put('/api/domains/v1/portfolio/:domain/nameservers', (req) => {
    const d = domainOf(req)
    if (!d) return notInPortfolio(req)
    const body = req.body ?? {}
    const errors = new FieldErrors()
    const given: string[] = []
    for (const key of ['ns1', 'ns2', 'ns3', 'ns4']) {
      const v = body[key]
      if (v === undefined || v === null || v === '') {
        if (key === 'ns1' || key === 'ns2') errors.add(key, `The ${key} field is required.`)
        continue
      }
      if (typeof v !== 'string' || !isHostName(v)) { errors.add(key, `The ${key} field must be a valid host name.`); continue }
      const host = v.toLowerCase().replace(/\.$/, '')
      if (given.includes(host)) errors.add(key, `The ${key} field must be different from the other name servers.`)
      given.push(host)
    }
    const invalid = errors.response()
    if (invalid) return invalid
    if (d.status !== 'active') return unprocessable('domain', `Name servers cannot be changed while the domain is ${d.status}.`)
    d.name_servers = Object.fromEntries(given.map((h, i) => [`ns${i + 1}`, h]))
    touch(d)
    return accepted()
  })

  function setLock(req: SimRequest, on: boolean) {
    const d = domainOf(req)
    if (!d) return notInPortfolio(req)
    if (!d.is_lockable) return unprocessable('domain', `Domain lock is not available for ${d.domain}.`)
    if (d.status !== 'active') return unprocessable('domain', `Domain lock cannot be changed while the domain is ${d.status}.`)
    d.is_locked = on
    touch(d)
    return accepted()
  }
  router.put('/api/domains/v1/portfolio/:domain/domain-lock', req => setLock(req, true))
  router.delete('/api/domains/v1/portfolio/:domain/domain-lock', req => setLock(req, false))

  function setPrivacy(req: SimRequest, on: boolean) {
    const d = domainOf(req)
    if (!d) return notInPortfolio(req)
    if (!d.is_privacy_protection_allowed) return unprocessable('domain', `Privacy protection is not available for ${d.domain}.`)
    d.is_privacy_protected = on
    touch(d)
    return accepted()
  }
  router.put('/api/domains/v1/portfolio/:domain/privacy-protection', req => setPrivacy(req, true))
  router.delete('/api/domains/v1/portfolio/:domain/privacy-protection', req => setPrivacy(req, false))
}
