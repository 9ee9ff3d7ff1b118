/**
 * Daily balance samples (the billing chart) and the low-balance alert.
 *
 * A run keeps one row per account, UTC day and currency (unique index): running it again the
 * same day refreshes that row. The alert goes to every admin once per account and day: the
 * alert's dedupe key names both and it is sent only once (services/alerts/emit.ts), so a
 * second run neither adds a notice nor marks a read one unread again.
 */
import { asc, eq, gte } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { billingSamples, providerAccounts, type ProviderAccount } from '#server/db/schema'
import { isProviderError } from '#server/providers/errors'
import { adapterFor } from '../provider-accounts'
import { emitAlert } from '../notifications'
import type { BalanceOut, BillingHistory, HistorySeries, SampleRun } from '#shared/billing/types'
import { belowThreshold, parseThreshold, utcDay } from '#shared/billing/money'
import { balanceOut } from './shapes'

const money = (n: number) => n.toFixed(2)

type AccountOutcome =
  | { account: ProviderAccount, balances: BalanceOut[] }
  | { account: ProviderAccount, skipped: string }
  | { account: ProviderAccount, error: string }

async function readBalances(account: ProviderAccount): Promise<AccountOutcome> {
  try {
    return { account, balances: (await adapterFor(account).getBalance()).map(balanceOut) }
  }
  catch (e) {
    if (isProviderError(e) && e.code === 'not_supported') return { account, skipped: e.message }
    if (isProviderError(e)) return { account, error: e.message }
    console.error(`[billing] sampling ${account.slug} failed:`, e)
    return { account, error: 'Reading the balance failed unexpectedly' }
  }
}

export async function recordBillingSamples(now: Date = new Date()): Promise<SampleRun> {
  const db = await useDb()
  const day = utcDay(now)
  const accounts = await db.select().from(providerAccounts).orderBy(asc(providerAccounts.createdAt))
  const outcomes = await Promise.all(accounts.map(readBalances))
  const run: SampleRun = { day, samples: [], low_balance: [], skipped: [], errors: [] }

  for (const o of outcomes) {
    const slug = o.account.slug
    if ('skipped' in o) { run.skipped.push({ slug, reason: o.skipped }); continue }
    if ('error' in o) { run.errors.push({ slug, error: o.error }); continue }
    for (const b of o.balances) {
      const values = { balance: String(b.amount), monthlyUsage: b.monthly_usage === null ? null : String(b.monthly_usage) }
      await db.insert(billingSamples)
        .values({ accountId: o.account.id, day, currency: b.currency, ...values })
        .onConflictDoUpdate({ target: [billingSamples.accountId, billingSamples.day, billingSamples.currency], set: { ...values, createdAt: now } })
      run.samples.push({ slug, currency: b.currency, balance: b.amount, monthly_usage: b.monthly_usage })
    }
    const threshold = parseThreshold(o.account.settings.low_balance_threshold)
    const low = belowThreshold(o.balances, threshold)
    if (!low.length || threshold === null) continue
    const notified = await notifyLowBalance(o.account, low, threshold, day)
    for (const b of low) run.low_balance.push({ slug, currency: b.currency, balance: b.amount, threshold, notified })
  }
  return run
}

/** Whether the alert went out now (false when it already had today). */
async function notifyLowBalance(account: ProviderAccount, low: BalanceOut[], threshold: number, day: string): Promise<boolean> {
  const amounts = low.map(b => `${money(b.amount)} ${b.currency}`).join(', ')
  const sent = await emitAlert({
    kind: 'balance_low',
    params: { account: account.displayName, slug: account.slug, amounts, threshold: money(threshold) },
    link: '/billing',
    to: { admins: true },
    dedupeKey: `billing.low-balance:${account.id}:${day}`,
    repeat: 'once',
  })
  return sent.inApp > 0 || sent.external
}

/** Daily samples of the last `days` days (today included), one series per account and currency. */
export async function billingHistory(days: number, now: Date = new Date()): Promise<BillingHistory> {
  const db = await useDb()
  const to = utcDay(now)
  const from = utcDay(new Date(now.getTime() - (days - 1) * 86_400_000))
  const rows = await db
    .select({
      accountId: billingSamples.accountId,
      day: billingSamples.day,
      currency: billingSamples.currency,
      balance: billingSamples.balance,
      monthlyUsage: billingSamples.monthlyUsage,
      slug: providerAccounts.slug,
      displayName: providerAccounts.displayName,
      type: providerAccounts.type,
    })
    .from(billingSamples)
    .innerJoin(providerAccounts, eq(providerAccounts.id, billingSamples.accountId))
    .where(gte(billingSamples.day, from))
    .orderBy(asc(providerAccounts.createdAt), asc(billingSamples.currency), asc(billingSamples.day))

  const series = new Map<string, HistorySeries>()
  for (const r of rows) {
    const key = `${r.accountId}:${r.currency}`
    let s = series.get(key)
    if (!s) {
      s = { account_id: r.accountId, slug: r.slug, display_name: r.displayName, type: r.type, currency: r.currency, points: [] }
      series.set(key, s)
    }
    s.points.push({ day: String(r.day), balance: numeric(r.balance), monthly_usage: numeric(r.monthlyUsage) })
  }
  return { days, from, to, series: [...series.values()] }
}

/** numeric columns come back as strings. */
function numeric(v: string | null): number | null {
  if (v === null) return null
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}
