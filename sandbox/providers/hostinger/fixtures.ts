/**
 * The Hostinger seed fixture: what a fresh sandbox account holds. Shapes follow the public
 * OpenAPI spec (hostinger/api 1.42.5); ids and names look like the real ones. Dates that matter
 * for the app (renewals) are relative to "now", so a reset always shows one renewal due soon.
 */
import type { SimCatalogItem, SimDataCenter, SimPaymentMethod, SimPublicKey, SimSubscription, SimTemplate, SimVm } from './state'

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

export const SEED_DATA_CENTERS: SimDataCenter[] = [
  { id: 19, name: 'fra', location: 'de', city: 'Frankfurt', continent: 'Europe' },
  { id: 13, name: 'vno', location: 'lt', city: 'Vilnius', continent: 'Europe' },
  { id: 29, name: 'phx', location: 'us', city: 'Phoenix', continent: 'North America' },
]

export const SEED_TEMPLATES: SimTemplate[] = [
  { id: 1002, name: 'Ubuntu 22.04 LTS', description: 'Ubuntu 22.04 LTS', documentation: 'https://docs.ubuntu.com' },
  { id: 1130, name: 'Ubuntu 24.04 LTS', description: 'Ubuntu 24.04 LTS', documentation: 'https://docs.ubuntu.com' },
  { id: 1077, name: 'Debian 12', description: 'Debian 12 (bookworm)', documentation: 'https://www.debian.org/doc/' },
  { id: 1121, name: 'AlmaLinux 9', description: 'AlmaLinux 9', documentation: null },
]

/**
 * Catalog prices are integer cents (spec). Metadata values are strings, as Hostinger sends them;
 * memory and disk_space are in MB like the VM resource.
 */
export const SEED_CATALOG: SimCatalogItem[] = [
  {
    id: 'hostingercom-vps-kvm1', name: 'KVM 1', category: 'VPS',
    metadata: { cpus: '1', memory: '4096', disk_space: '51200', bandwidth: '4194304', network: '300' },
    prices: [
      { id: 'hostingercom-vps-kvm1-usd-1m', name: 'KVM 1 (billed every month)', currency: 'USD', price: 1099, first_period_price: 649, period: 1, period_unit: 'month' },
      { id: 'hostingercom-vps-kvm1-usd-1y', name: 'KVM 1 (billed every year)', currency: 'USD', price: 9588, first_period_price: 5988, period: 1, period_unit: 'year' },
    ],
  },
  {
    id: 'hostingercom-vps-kvm2', name: 'KVM 2', category: 'VPS',
    metadata: { cpus: '2', memory: '8192', disk_space: '102400', bandwidth: '8388608', network: '300' },
    prices: [
      { id: 'hostingercom-vps-kvm2-usd-1m', name: 'KVM 2 (billed every month)', currency: 'USD', price: 1399, first_period_price: 899, period: 1, period_unit: 'month' },
      { id: 'hostingercom-vps-kvm2-usd-1y', name: 'KVM 2 (billed every year)', currency: 'USD', price: 12588, first_period_price: 8388, period: 1, period_unit: 'year' },
    ],
  },
  {
    id: 'hostingercom-vps-kvm4', name: 'KVM 4', category: 'VPS',
    metadata: { cpus: '4', memory: '16384', disk_space: '204800', bandwidth: '16777216', network: '300' },
    prices: [
      { id: 'hostingercom-vps-kvm4-usd-1m', name: 'KVM 4 (billed every month)', currency: 'USD', price: 2599, first_period_price: 1299, period: 1, period_unit: 'month' },
    ],
  },
  {
    id: 'hostingercom-hosting-premium', name: 'Premium Web Hosting', category: 'HOSTING',
    metadata: null,
    prices: [
      { id: 'hostingercom-hosting-premium-usd-1y', name: 'Premium Web Hosting (billed every year)', currency: 'USD', price: 8388, first_period_price: 3588, period: 1, period_unit: 'year' },
    ],
  },
]

export const SEED_PAYMENT_METHODS: SimPaymentMethod[] = [
  { id: 1327362, name: 'Credit Card', identifier: '4111*****1111', payment_method: 'card', is_default: true, is_expired: false, is_suspended: false, created_at: '2024-11-02T09:12:44Z', expires_at: '2028-09-30T00:00:00Z' },
  { id: 1327363, name: 'PayPal', identifier: 'j***@example.com', payment_method: 'paypal', is_default: false, is_expired: false, is_suspended: false, created_at: '2025-03-18T16:40:02Z', expires_at: '2030-01-01T00:00:00Z' },
]

export const SEED_PUBLIC_KEYS: SimPublicKey[] = [
  { id: 325, name: 'deploy-key', key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO6wVOWv59u9cgYvdE2KVw7gPT3Yme3kmGGEwxU/s5PD deploy@ci' },
]

export function seedSubscriptions(now: number): SimSubscription[] {
  return [
    // Renews within the week: the app's "renewing soon" list must show it.
    {
      id: 'Azz353Uhl1xC54pR0', name: 'KVM 2', status: 'active', billing_period: 1, billing_period_unit: 'month',
      currency_code: 'USD', total_price: 1399, renewal_price: 1399, is_auto_renewed: true,
      created_at: '2025-01-15T10:30:00Z', expires_at: iso(now + 7 * DAY), next_billing_at: iso(now + 6 * DAY),
    },
    {
      id: 'AzzLq2Ufmr9gS3Bm1', name: 'KVM 1', status: 'not_renewing', billing_period: 1, billing_period_unit: 'year',
      currency_code: 'USD', total_price: 5988, renewal_price: 9588, is_auto_renewed: false,
      created_at: iso(now - 2 * DAY), expires_at: iso(now + 363 * DAY), next_billing_at: null,
    },
  ]
}

export function seedVms(now: number): SimVm[] {
  return [
    {
      id: 1268054, firewall_group_id: null, subscription_id: 'Azz353Uhl1xC54pR0', data_center_id: 19, plan: 'KVM 2',
      hostname: 'web-1.example.com', state: 'running', cpus: 2, memory: 8192, disk: 102400, bandwidth: 8388608,
      ns1: '1.1.1.1', ns2: '8.8.8.8',
      ipv4: [{ id: 52347, address: '203.0.113.24', ptr: 'web-1.example.com' }],
      ipv6: [{ id: 52348, address: '2a02:4780:2b:1::24', ptr: null }],
      template_id: 1130, created_at: '2025-01-15T10:30:00Z', public_key_ids: [325], actions: [],
      backups: [
        { id: 8676501, size: 15240192, location: 'nl-srv-nodebackups', createdAt: now - 8 * DAY },
        { id: 8676502, size: 15302144, location: 'nl-srv-nodebackups', createdAt: now - DAY },
      ],
    },
    // Bought in hPanel, never set up: no data center, template or addresses yet.
    {
      id: 1268101, firewall_group_id: null, subscription_id: 'AzzLq2Ufmr9gS3Bm1', data_center_id: null, plan: 'KVM 1',
      hostname: 'srv1268101.hstgr.cloud', state: 'initial', cpus: 1, memory: 4096, disk: 51200, bandwidth: 4194304,
      ns1: null, ns2: null, ipv4: null, ipv6: null,
      template_id: null, created_at: iso(now - 2 * DAY), public_key_ids: [], actions: [],
    },
  ]
}
