/**
 * Hostinger domains (`/api/domains/v1`): the BaseAdapter domain methods, for the adapter to
 * delegate to.
 *
 * - The portfolio list only has name/status/expiry, so each domain's details are read too
 *   (a few at a time) for lock, privacy and nameservers.
 * - Availability has no prices: they come from the DOMAIN items of the billing catalog, which
 *   also gives the `item_id` a purchase must name.
 * - A purchase is sent once (never retried). Once Hostinger has taken the order, nothing that
 *   follows (reading the domain back, privacy) may make it look failed.
 */
import { isProviderError, providerError } from '../errors'
import type { HttpClient } from '../http'
import type { Domain, DomainAvailability, DomainPurchaseInput } from '../types'
import {
  domainPrice, nameserverBody, splitDomainName, toAvailability, toDomain, toDomainFromListItem,
  REGISTRAR,
  type UpstreamAvailability, type UpstreamCatalogItem, type UpstreamCatalogPrice, type UpstreamDomainDetails, type UpstreamDomainListItem,
} from './domains-mappers'

const PORTFOLIO = '/api/domains/v1/portfolio'
const portfolioPath = (domain: string) => `${PORTFOLIO}/${encodeURIComponent(normalize(domain))}`
/** Statuses with no readable details (nothing registered, or gone). */
const NO_DETAILS = new Set(['requested', 'deleted', 'failed'])
const CONCURRENCY = 4

function normalize(domain: string) {
  return domain.trim().toLowerCase().replace(/\.$/, '')
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  async function worker() {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

export function hostingerDomains(http: HttpClient, displayName = 'Hostinger') {
  const invalid = (message: string) => providerError(displayName, 'invalid_request', message)

  function expectArray<T>(data: unknown, what: string): T[] {
    if (!Array.isArray(data)) throw providerError(displayName, 'bad_response', `${displayName} answered ${what} with something that is not a list`)
    return data as T[]
  }

  async function details(domain: string): Promise<Domain> {
    const data = await http.get<UpstreamDomainDetails>(portfolioPath(domain))
    if (!data || typeof data !== 'object' || typeof data.domain !== 'string') {
      throw providerError(displayName, 'bad_response', `${displayName} answered the details of ${domain} without a domain name`)
    }
    return toDomain(data)
  }

  async function domainCatalog(tld?: string): Promise<UpstreamCatalogItem[]> {
    const query: Record<string, string> = { category: 'DOMAIN' }
    if (tld) query.name = `.${tld.toUpperCase()}*`
    return expectArray<UpstreamCatalogItem>(await http.get('/api/billing/v1/catalog', query), 'the catalog')
  }

  async function setFlag(path: string, on: boolean) {
    await http.request({ method: on ? 'PUT' : 'DELETE', path, idempotent: true })
  }

  const api = {
    async listDomains(): Promise<Domain[]> {
      const list = expectArray<UpstreamDomainListItem>(await http.get(PORTFOLIO), 'the domain list')
      // Unclaimed free domains have no name yet: nothing to manage.
      const named = list.filter(d => typeof d.domain === 'string' && d.domain)
      return mapLimit(named, CONCURRENCY, async (item) => {
        if (NO_DETAILS.has(item.status)) return toDomainFromListItem(item)
        try {
          return await details(item.domain!)
        }
        catch (e) {
          if (isProviderError(e) && e.code === 'not_found') return toDomainFromListItem(item)
          // One domain whose details fail must not blank the portfolio: it is listed from the
          // list item alone, marked so the UI says its details could not be read.
          if (isProviderError(e) && e.code === 'provider_auth') throw e
          const partial = toDomainFromListItem(item)
          return { ...partial, extra: { ...(partial.extra as object), details_error: (e as Error).message } }
        }
      })
    },

    getDomain(domain: string): Promise<Domain> {
      return details(domain)
    },

    /** In the order asked; prices (first year) only for available names the catalog sells. */
    async checkDomains(names: string[]): Promise<DomainAvailability[]> {
      const wanted = names.map(n => normalize(n)).filter(Boolean)
      const bySld = new Map<string, string[]>()
      for (const name of wanted) {
        const { sld, tld } = splitDomainName(name)
        if (!sld || !tld) throw invalid(`"${name}" is not a domain name (expected a name and a TLD, e.g. example.com)`)
        const tlds = bySld.get(sld) ?? []
        if (!tlds.includes(tld)) tlds.push(tld)
        bySld.set(sld, tlds)
      }
      // Availability is a lookup sent as POST: safe to retry.
      const answers = await mapLimit([...bySld], CONCURRENCY, async ([sld, tlds]) => expectArray<UpstreamAvailability>(
        (await http.request({ method: 'POST', path: '/api/domains/v1/availability', json: { domain: sld, tlds, with_alternatives: false }, idempotent: true })).data,
        'the availability check',
      ))
      const found = new Map<string, UpstreamAvailability>()
      for (const r of answers.flat()) if (r.domain && !r.is_alternative) found.set(r.domain.toLowerCase(), r)

      let catalog: UpstreamCatalogItem[] = []
      if ([...found.values()].some(r => r.is_available)) {
        // Prices are a courtesy: an availability answer without them still stands.
        try { catalog = await domainCatalog() }
        catch { catalog = [] }
      }
      return wanted.map((name) => {
        const r = found.get(name) ?? { domain: name, is_available: false }
        return toAvailability(r, domainPrice(catalog, splitDomainName(name).tld))
      })
    },

    /** Never retried. `auto_renew` cannot be set through Hostinger's domain API and is ignored. */
    async purchaseDomain(input: DomainPurchaseInput): Promise<Domain> {
      const name = normalize(input.domain)
      const { sld, tld } = splitDomainName(name)
      if (!sld || !tld) throw invalid(`"${input.domain}" is not a domain name`)
      const years = input.period ?? 1
      const price: UpstreamCatalogPrice | undefined = domainPrice(await domainCatalog(tld), tld, years)
      if (!price) throw invalid(`${displayName} does not sell .${tld} registrations for ${years} year${years === 1 ? '' : 's'}`)

      const body: Record<string, unknown> = { domain: name, item_id: price.id }
      if (input.payment_method_id !== undefined && input.payment_method_id !== '') {
        if (!/^\d+$/.test(String(input.payment_method_id))) throw invalid(`${displayName} payment method ids are numbers, not "${input.payment_method_id}"`)
        body.payment_method_id = Number(input.payment_method_id)
      }
      const order = (await http.request<Record<string, unknown>>({ method: 'POST', path: PORTFOLIO, json: body, idempotent: false })).data

      let domain: Domain
      try {
        domain = await details(name)
      }
      catch {
        // Registration is asynchronous upstream: the domain may not be readable yet.
        domain = {
          name, registrar: REGISTRAR, status: 'pending_setup', expires_at: null, auto_renew: false,
          locked: false, privacy_protection: false, nameservers: [], extra: { auto_renew_known: false, details_known: false },
        }
      }
      const extra: Record<string, unknown> = { ...(domain.extra as object), order, price_item_id: price.id }
      if (input.privacy_protection !== undefined && input.privacy_protection !== domain.privacy_protection) {
        try {
          await setFlag(`${portfolioPath(name)}/privacy-protection`, input.privacy_protection)
          domain.privacy_protection = input.privacy_protection
        }
        catch (e) {
          extra.privacy_error = (e as Error).message
        }
      }
      if (input.auto_renew !== undefined) extra.auto_renew_requested = input.auto_renew
      return { ...domain, extra }
    },

    /** 2 to 4 host names (Hostinger's ns1–ns4); Hostinger refuses fewer than two. */
    async setNameservers(domain: string, ns: string[]): Promise<void> {
      const list = ns.map(h => h.trim()).filter(Boolean)
      if (list.length > 4) throw invalid(`${displayName} accepts at most 4 nameservers (got ${list.length})`)
      await http.request({ method: 'PUT', path: `${portfolioPath(domain)}/nameservers`, json: nameserverBody(list), idempotent: true })
    },

    setDomainLock(domain: string, on: boolean): Promise<void> {
      return setFlag(`${portfolioPath(domain)}/domain-lock`, on)
    },

    setDomainPrivacy(domain: string, on: boolean): Promise<void> {
      return setFlag(`${portfolioPath(domain)}/privacy-protection`, on)
    },
  }
  return api
}
