/** How billing figures read on the page. */

/** "€93.64"; an unknown currency code still shows as "93.64 XYZ" instead of throwing. */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined, locale?: string): string {
  if (amount === null || amount === undefined) return '—'
  if (!currency) return amount.toFixed(2)
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)
  }
  catch {
    return `${amount.toFixed(2)} ${currency}`
  }
}

const RESOURCE_LABELS: Record<string, string> = {
  cloud_servers: 'Cloud servers',
  vcpus: 'vCPUs',
  memory_size: 'Memory',
  root_space: 'Disk',
  ip_address_v4: 'IPv4 addresses',
  ip_address_v6: 'IPv6 addresses',
}

export function resourceLabel(resource: string): string {
  const known = RESOURCE_LABELS[resource]
  if (known) return known
  const words = resource.replace(/[_-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function renewalLabel(days: number | null): string {
  if (days === null) return ''
  if (days === 0) return 'today'
  if (days === 1) return 'tomorrow'
  if (days > 1) return `in ${days} days`
  return days === -1 ? 'yesterday' : `${-days} days ago`
}

/** A date-only or ISO timestamp as a date, read in UTC so "2025-06-16" stays the 16th everywhere. */
export function formatDay(iso: string | null, locale?: string): string {
  if (!iso) return '—'
  const t = Date.parse(iso)
  if (!Number.isFinite(t)) return iso
  return new Date(t).toLocaleDateString(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' })
}

export const SECTION_LABELS: Record<string, string> = {
  balance: 'balance',
  limits: 'usage limits',
  subscriptions: 'subscriptions',
  orders: 'orders',
  payment_methods: 'payment methods',
}

/** "€1.2K", "€95": short enough for a chart axis. */
export function formatMoneyShort(amount: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: Math.abs(amount) < 10 ? 2 : 1 }).format(amount)
  }
  catch {
    return `${amount} ${currency}`
  }
}
