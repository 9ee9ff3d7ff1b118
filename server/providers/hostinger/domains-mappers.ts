/**
 * Hostinger domain portfolio, availability and DOMAIN catalog items → our Domain models.
 *
 * Hostinger's domain API has no auto-renew flag (auto-renewal belongs to the billing
 * subscription), so `auto_renew` is false and `extra.auto_renew_known` says it is not known.
 */
import type { Domain, DomainAvailability } from '../types'

export const REGISTRAR = 'Hostinger'

/** `Domains.V1.Domain.DomainResource` (list item). */
export interface UpstreamDomainListItem {
  id: number
  domain: string | null
  type: string
  status: string
  created_at?: string
  expires_at?: string | null
}

/** `Domains.V1.Domain.DomainExtendedResource` (details). */
export interface UpstreamDomainDetails {
  domain: string
  status: string
  message?: string | null
  is_privacy_protection_allowed?: boolean
  is_privacy_protected?: boolean
  is_lockable?: boolean
  is_locked?: boolean
  name_servers?: Record<string, string | null> | string[] | null
  child_name_servers?: unknown
  domain_contacts?: Record<string, number>
  created_at?: string
  updated_at?: string
  registered_at?: string | null
  expires_at?: string | null
  [key: string]: unknown
}

export interface UpstreamAvailability { domain: string | null, is_available: boolean, is_alternative?: boolean, restriction?: string | null }

export interface UpstreamCatalogPrice {
  id: string
  name?: string
  currency: string
  price: number
  first_period_price?: number | null
  period: number
  period_unit: string
}
export interface UpstreamCatalogItem { id: string, name: string, category: string, metadata?: Record<string, unknown> | null, prices: UpstreamCatalogPrice[] }

/** Hostinger mixes `2027-05-25T13:53:04Z` and `2027-05-25 13:53:04` (renewal endpoint): always ISO. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(value)
  return m ? `${m[1]}T${m[2]}Z` : value
}

/** `{ns1, ns2, ns3}` → `[ns1, ns2, ns3]` in order, empty slots dropped. */
export function nameserverList(ns: UpstreamDomainDetails['name_servers']): string[] {
  if (!ns) return []
  if (Array.isArray(ns)) return ns.filter((v): v is string => typeof v === 'string' && v !== '')
  return Object.entries(ns)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .sort(([a], [b]) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')))
    .map(([, v]) => v)
}

/** `[a, b, c]` → `{ns1: a, ns2: b, ns3: c}` (the PUT nameservers body). */
export function nameserverBody(list: string[]): Record<string, string> {
  return Object.fromEntries(list.map((h, i) => [`ns${i + 1}`, h.trim().toLowerCase().replace(/\.$/, '')]))
}

export function toDomain(d: UpstreamDomainDetails): Domain {
  return {
    name: d.domain,
    registrar: REGISTRAR,
    status: d.status,
    expires_at: isoDate(d.expires_at),
    auto_renew: false,
    locked: d.is_locked === true,
    privacy_protection: d.is_privacy_protected === true,
    nameservers: nameserverList(d.name_servers),
    extra: { ...d, auto_renew_known: false },
  }
}

/** A list item alone (no details could be read): lock, privacy and nameservers unknown. */
export function toDomainFromListItem(d: UpstreamDomainListItem): Domain {
  return {
    name: d.domain ?? '',
    registrar: REGISTRAR,
    status: d.status,
    expires_at: isoDate(d.expires_at),
    auto_renew: false,
    locked: false,
    privacy_protection: false,
    nameservers: [],
    extra: { ...d, auto_renew_known: false, details_known: false },
  }
}

/** `cool-project.co.uk` → sld `cool-project`, tld `co.uk` (what availability and the catalog use). */
export function splitDomainName(name: string): { sld: string, tld: string } {
  const n = name.trim().toLowerCase().replace(/\.$/, '')
  const i = n.indexOf('.')
  return i < 0 ? { sld: n, tld: '' } : { sld: n.slice(0, i), tld: n.slice(i + 1) }
}

/** The catalog item selling `.tld` registrations: its name starts with `.TLD` (".COM Domain"). */
export function catalogItemForTld(items: UpstreamCatalogItem[], tld: string): UpstreamCatalogItem | undefined {
  const want = `.${tld.toUpperCase()}`
  return items.find(i => String(i.category).toUpperCase() === 'DOMAIN' && (
    i.name.trim().split(/\s+/)[0]!.toUpperCase() === want || String(i.metadata?.tld ?? '').toLowerCase() === tld.toLowerCase()
  ))
}

/** The price item for registering `.tld` for `years` years, if sold. */
export function domainPrice(items: UpstreamCatalogItem[], tld: string, years = 1): UpstreamCatalogPrice | undefined {
  const item = catalogItemForTld(items, tld)
  return item?.prices.find(p => p.period_unit === 'year' && Number(p.period) === years)
}

/** What registering costs now (the first period), in currency units. */
export function priceAmount(p: UpstreamCatalogPrice): number {
  return (p.first_period_price ?? p.price) / 100
}

export function toAvailability(r: UpstreamAvailability, price: UpstreamCatalogPrice | undefined): DomainAvailability {
  const out: DomainAvailability = { domain: r.domain ?? '', available: r.is_available === true }
  if (out.available && price) {
    out.price = priceAmount(price)
    out.currency = price.currency
  }
  return out
}
