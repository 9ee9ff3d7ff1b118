/**
 * Pure billing arithmetic: renewal distances and per-currency totals. Amounts in different
 * currencies are never added together: every total belongs to one currency.
 */
import type { BalanceOut, CurrencyTotal, OrderOut } from './types'

/** Renewals this close (in days, or already past) are flagged. */
export const RENEWAL_WINDOW_DAYS = 14

const DAY_MS = 86_400_000

/** "2025-06-01" for the UTC day of `d`: samples are keyed by it. */
export function utcDay(d: Date = new Date()): string {
  return d.toISOString().slice(0, 10)
}

/**
 * Whole calendar days (UTC) from `now` to `renewsAt`: 0 today, 1 tomorrow, negative when past.
 * Calendar days rather than elapsed hours, so "renews in 6 days" does not flip to 5 at noon.
 */
export function renewsInDays(renewsAt: string | null | undefined, now: Date = new Date()): number | null {
  if (!renewsAt) return null
  const t = Date.parse(renewsAt)
  if (!Number.isFinite(t)) return null
  return Math.floor(t / DAY_MS) - Math.floor(now.getTime() / DAY_MS)
}

export function renewsSoon(days: number | null, windowDays = RENEWAL_WINDOW_DAYS): boolean {
  return days !== null && days <= windowDays
}

/** A setting value as a threshold: a finite number, or null when unset or not a number. */
export function parseThreshold(v: unknown): number | null {
  if (v === null || v === undefined || v === '' || typeof v === 'boolean') return null
  const n = typeof v === 'number' ? v : Number(String(v).trim())
  return Number.isFinite(n) ? n : null
}

export function belowThreshold(balances: BalanceOut[], threshold: number | null): BalanceOut[] {
  if (threshold === null) return []
  return balances.filter(b => b.amount < threshold)
}

/** Four decimals, the precision providers bill in; hides float noise such as 0.30000000000000004. */
export function roundMoney(n: number): number {
  return Math.round(n * 10_000) / 10_000
}

function add(total: number | null, v: number | null | undefined): number | null {
  if (v === null || v === undefined || !Number.isFinite(v)) return total
  return roundMoney((total ?? 0) + v)
}

/** Totals per currency, sorted by currency code. */
export function currencyTotals(accounts: { balance: BalanceOut[] | null, orders: OrderOut[] | null }[]): CurrencyTotal[] {
  const byCurrency = new Map<string, CurrencyTotal>()
  const totalFor = (currency: string) => {
    let t = byCurrency.get(currency)
    if (!t) {
      t = { currency, balance: null, monthly_usage: null, monthly_estimate: null, today_usage: null, pending_orders: null, accounts: 0 }
      byCurrency.set(currency, t)
    }
    return t
  }
  for (const a of accounts) {
    for (const b of a.balance ?? []) {
      const t = totalFor(b.currency)
      t.balance = add(t.balance, b.amount)
      t.monthly_usage = add(t.monthly_usage, b.monthly_usage)
      t.monthly_estimate = add(t.monthly_estimate, b.monthly_estimate)
      t.today_usage = add(t.today_usage, b.today_usage)
      t.accounts++
    }
    for (const o of a.orders ?? []) {
      // An amount without a currency cannot be put in any total.
      if (!o.currency || o.amount === null) continue
      const t = totalFor(o.currency)
      t.pending_orders = add(t.pending_orders, o.amount)
    }
  }
  return [...byCurrency.values()].sort((x, y) => x.currency.localeCompare(y.currency))
}
