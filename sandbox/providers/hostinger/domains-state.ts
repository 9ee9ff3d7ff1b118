/**
 * The domain portfolio of the Hostinger simulator and the DOMAIN part of its billing catalog
 * (`Billing.V1.Catalog.CatalogItemResource`, prices in cents): availability answers and purchases
 * are priced from it, and a purchase names one of its price ids (`item_id`).
 */
import { isoNoMillis } from './dns-http'

export interface PortfolioDomain {
  id: number
  domain: string
  type: 'domain' | 'free_domain' | 'domain_transfer' | 'free_domain_transfer'
  status: 'active' | 'pending_setup' | 'expired' | 'requested' | 'pending_verification' | 'deleted' | 'suspended' | 'failed'
  message: string | null
  is_privacy_protection_allowed: boolean
  is_privacy_protected: boolean
  is_lockable: boolean
  is_locked: boolean
  name_servers: Record<string, string>
  child_name_servers: string[][]
  domain_contacts: { admin_id: number, owner_id: number, billing_id: number, tech_id: number }
  created_at: string
  updated_at: string
  '60_days_lock_expires_at': string | null
  registered_at: string | null
  expires_at: string | null
  /** Sim-only: when a `pending_setup` registration becomes `active` (ms). */
  setupEndsAt?: number
}

export interface CatalogPrice {
  id: string
  name: string
  currency: string
  price: number
  first_period_price: number
  period: number
  period_unit: 'day' | 'week' | 'month' | 'year' | 'none'
}
export interface CatalogItem { id: string, name: string, category: string, metadata: Record<string, unknown> | null, prices: CatalogPrice[] }

export interface PurchaseOrder {
  id: number
  subscription_id: string
  status: string
  currency: string
  subtotal: number
  total: number
  domain: string
  item_id: string
  payment_method_id: number | null
  created_at: string
  updated_at: string
}

export interface HostingerDomainState {
  domains: Map<string, PortfolioDomain>
  catalog: CatalogItem[]
  orders: PurchaseOrder[]
  nextDomainId: number
  nextOrderId: number
}

const DAY = 86_400_000
export const DEFAULT_NAMESERVERS = { ns1: 'ns1.dns-parking.com', ns2: 'ns2.dns-parking.com' }
const CONTACTS = { admin_id: 114698, owner_id: 614698, billing_id: 154698, tech_id: 524248 }

/** [tld, first-year cents, renewal cents, years offered] */
const TLD_PRICES: [string, number, number, number[]][] = [
  ['com', 999, 1599, [1, 2, 3]],
  ['net', 1199, 1799, [1, 2, 3]],
  ['org', 899, 1499, [1, 2]],
  ['io', 3299, 5999, [1, 2]],
  ['dev', 1199, 1699, [1]],
  ['app', 1299, 1899, [1]],
  ['co', 2499, 3299, [1]],
  ['eu', 499, 999, [1]],
  ['online', 99, 3999, [1]],
  ['store', 199, 5499, [1]],
]

function domainCatalog(): CatalogItem[] {
  return TLD_PRICES.map(([tld, first, renewal, years]) => ({
    id: `hostingercom-domain-${tld}`,
    name: `.${tld.toUpperCase()} Domain`,
    category: 'DOMAIN',
    metadata: null,
    prices: years.map(y => ({
      id: `hostingercom-domain-${tld}-usd-${y}y`,
      name: `.${tld.toUpperCase()} Domain (billed every ${y === 1 ? 'year' : `${y} years`})`,
      currency: 'USD',
      price: renewal * y,
      first_period_price: first + renewal * (y - 1),
      period: y,
      period_unit: 'year' as const,
    })),
  }))
}

export function newPortfolioDomain(id: number, domain: string, now: number, extra: Partial<PortfolioDomain> = {}): PortfolioDomain {
  return {
    id,
    domain,
    type: 'domain',
    status: 'active',
    message: null,
    is_privacy_protection_allowed: true,
    is_privacy_protected: false,
    is_lockable: true,
    is_locked: false,
    name_servers: { ...DEFAULT_NAMESERVERS },
    child_name_servers: [],
    domain_contacts: { ...CONTACTS },
    created_at: isoNoMillis(now),
    updated_at: isoNoMillis(now),
    '60_days_lock_expires_at': null,
    registered_at: isoNoMillis(now),
    expires_at: isoNoMillis(now + 365 * DAY),
    ...extra,
  }
}

function seed(): HostingerDomainState {
  const now = Date.now()
  const at = (days: number) => isoNoMillis(now + days * DAY)
  const list = [
    newPortfolioDomain(13632, 'example.com', now, {
      is_locked: true,
      is_privacy_protected: true,
      created_at: at(-900), updated_at: at(-40), registered_at: at(-900), expires_at: at(430),
    }),
    // Expires in 20 days: the panel should show its expiry notice.
    newPortfolioDomain(13633, 'shop.example.net', now, {
      name_servers: { ns1: 'ns1.dns-parking.com', ns2: 'ns2.dns-parking.com', ns3: 'ns3.dns-parking.com' },
      created_at: at(-345), updated_at: at(-345), registered_at: at(-345), expires_at: at(20),
    }),
    // Lapsed: Hostinger keeps it in the portfolio, but it can no longer be locked.
    newPortfolioDomain(13634, 'old-brand.org', now, {
      status: 'expired',
      is_lockable: false,
      is_privacy_protection_allowed: false,
      name_servers: { ns1: 'ns1.example-dns.net', ns2: 'ns2.example-dns.net' },
      created_at: at(-740), updated_at: at(-10), registered_at: at(-740), expires_at: at(-10),
    }),
  ]
  return {
    domains: new Map(list.map(d => [d.domain, d])),
    catalog: domainCatalog(),
    orders: [],
    nextDomainId: 13640,
    nextOrderId: 2957086,
  }
}

export function createDomainState(): HostingerDomainState {
  return seed()
}

/** Back to the seed, in place: the routes keep a reference to this object. */
export function resetDomainState(state: HostingerDomainState) {
  Object.assign(state, seed())
}

/** The catalog's DOMAIN items, for a billing catalog route that serves every category. */
export function domainCatalogItems(state: HostingerDomainState): CatalogItem[] {
  return structuredClone(state.catalog)
}

export function catalogItemForTld(state: HostingerDomainState, tld: string): CatalogItem | undefined {
  return state.catalog.find(i => i.id === `hostingercom-domain-${tld.toLowerCase()}`)
}

/** The portfolio entry as it is now (a registration finishes after the transition time). */
export function currentDomain(d: PortfolioDomain, now = Date.now()): PortfolioDomain {
  if (d.status === 'pending_setup' && d.setupEndsAt !== undefined && now >= d.setupEndsAt) {
    d.status = 'active'
    d.updated_at = isoNoMillis(d.setupEndsAt)
    delete d.setupEndsAt
  }
  return d
}
