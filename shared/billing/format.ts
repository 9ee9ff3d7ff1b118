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

/** "cpu_cores" → "Cpu cores": a usage counter the messages (`billing.resource.<name>`) do not name, in the provider's own words. */
export function resourceWords(resource: string): string {
  const words = resource.replace(/[_-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A renewal `days` away as a message (`billing.renewal.<key>`, plural by `n`); null without a date. */
export function renewalMessage(days: number | null): { key: 'today' | 'tomorrow' | 'inDays' | 'yesterday' | 'daysAgo', n: number } | null {
  if (days === null) return null
  if (days === 0) return { key: 'today', n: 0 }
  if (days === 1) return { key: 'tomorrow', n: 1 }
  if (days > 1) return { key: 'inDays', n: days }
  return days === -1 ? { key: 'yesterday', n: 1 } : { key: 'daysAgo', n: -days }
}

/** A date-only or ISO timestamp as a date, read in UTC so "2025-06-16" stays the 16th everywhere. */
export function formatDay(iso: string | null, locale?: string): string {
  if (!iso) return '—'
  const t = Date.parse(iso)
  if (!Number.isFinite(t)) return iso
  return new Date(t).toLocaleDateString(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' })
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

/** Minor units of `currency` as money ("€12.34"), with the currency's own decimals. */
export function formatMinor(amountMinor: number | null | undefined, currency: string, locale?: string): string {
  if (amountMinor === null || amountMinor === undefined) return '—'
  let digits = 2
  try { digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2 }
  catch { /* unknown code: two decimals */ }
  const major = amountMinor / 10 ** digits
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(major)
  }
  catch {
    return `${major.toFixed(digits)} ${currency}`
  }
}
