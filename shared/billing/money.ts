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

// ---------- customer billing: integer minor units ----------

/** An amount in minor units (cents) of one currency. Never a float; never two currencies in one sum. */
export interface Money { amountMinor: number, currency: string }

export class CurrencyMismatch extends Error {
  constructor(a: string, b: string) { super(`Cannot combine ${a} and ${b}: amounts in different currencies are never added together`) }
}

function checkMinor(n: number) {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${n} is not a whole number of minor units`)
  return n
}

export function money(amountMinor: number, currency: string): Money {
  return { amountMinor: checkMinor(amountMinor), currency: currency.toUpperCase() }
}

function same(a: Money, b: Money) {
  if (a.currency.toUpperCase() !== b.currency.toUpperCase()) throw new CurrencyMismatch(a.currency, b.currency)
}

export function addMoney(a: Money, b: Money): Money {
  same(a, b)
  return money(a.amountMinor + b.amountMinor, a.currency)
}

export function subtractMoney(a: Money, b: Money): Money {
  same(a, b)
  return money(a.amountMinor - b.amountMinor, a.currency)
}

/** The sum of amounts in one currency (`currency` for an empty list). */
export function sumMoney(items: Money[], currency: string): Money {
  return items.reduce((t, m) => addMoney(t, m), money(0, currency))
}

/** `numerator / denominator` of whole numbers, rounded half away from zero ("half-up" on the amount's size). */
export function divideHalfUp(numerator: number, denominator: number): number {
  const sign = Math.sign(numerator) * Math.sign(denominator)
  const n = Math.abs(numerator)
  const d = Math.abs(denominator)
  return sign * Math.floor((2 * n + d) / (2 * d)) || 0
}

/** Tax on a net amount at `rateBp` basis points (2000 = 20 %), rounded half-up on minor units. */
export function taxOf(netMinor: number, rateBp: number): number {
  checkMinor(netMinor)
  return divideHalfUp(netMinor * rateBp, 10_000)
}

export interface TaxDecision { rateBp: number, reverseCharge: boolean }

/**
 * Which rate applies: a business with a VAT id in another country than the seller's pays none
 * (reverse charge); otherwise the customer's country's rate (the seller's when the customer's
 * country is unknown), 0 where the admin set none.
 */
export function taxDecision(customer: { country: string | null, vatId: string | null }, sellerCountry: string | null, rates: Record<string, number>): TaxDecision {
  const country = customer.country?.toUpperCase() || null
  const seller = sellerCountry?.toUpperCase() || null
  if (customer.vatId && country && seller && country !== seller) return { rateBp: 0, reverseCharge: true }
  const where = country ?? seller
  return { rateBp: (where && rates[where]) || 0, reverseCharge: false }
}

/** A line's net, tax and total in minor units. */
export function lineAmounts(quantity: number, unitMinor: number, rateBp: number) {
  const net = checkMinor(quantity * unitMinor)
  const tax = taxOf(net, rateBp)
  return { net, tax, total: net + tax }
}

/**
 * What is left to refund of a payment: what it brought minus its refunds so far, and never more
 * than the invoice still counts as paid. The part of an overpayment above the invoice's total went
 * to the customer's credit when it was paid: refunding it as well would give it back twice.
 */
export function refundableMinor(p: { paymentMinor: number, refundedMinor: number, invoicePaidMinor: number }): number {
  return Math.max(0, Math.min(p.paymentMinor - p.refundedMinor, p.invoicePaidMinor))
}

/** Minor units → the major amount for display (2 decimals; JPY-like currencies have none). */
export function minorDigits(currency: string): number {
  try { return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2 }
  catch { return 2 }
}

export function toMajor(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorDigits(currency)
}

/** "12.34" major units as typed in a form → 1234 minor units (null when not a valid amount). */
export function parseMajor(text: string, currency: string): number | null {
  const t = text.trim().replace(',', '.')
  const digits = minorDigits(currency)
  const re = digits ? new RegExp(`^-?\\d+(\\.\\d{1,${digits}})?$`) : /^-?\d+$/
  if (!re.test(t)) return null
  const [whole, frac = ''] = t.replace('-', '').split('.')
  const n = Number(whole) * 10 ** digits + Number(frac.padEnd(digits, '0') || 0)
  return Number.isSafeInteger(n) ? (t.startsWith('-') ? -n : n) : null
}
