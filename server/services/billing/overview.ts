/**
 * One billing view across every provider account. Accounts are read in parallel and each
 * section on its own, so one provider failing (or lacking a feature) costs only its own
 * sections: the rest of the page still shows.
 */
import { asc } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { providerAccounts, type ProviderAccount } from '#server/db/schema'
import { getDefinition } from '#server/providers/registry'
import { isProviderError } from '#server/providers/errors'
import type { BaseAdapter } from '#server/providers/base'
import { adapterFor } from '../provider-accounts'
import type { AccountBilling, BillingOverview, BillingSection } from '#shared/billing/types'
import { RENEWAL_WINDOW_DAYS, belowThreshold, currencyTotals, parseThreshold } from '#shared/billing/money'
import { balanceOut, isPendingOrder, limitOut, orderOut, paymentMethodOut, subscriptionView } from './shapes'

type Outcome<T> = { ok: true, value: T } | { ok: false, unsupported: true } | { ok: false, unsupported: false, error: string }

async function attempt<T>(slug: string, section: BillingSection, fn: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn() }
  }
  catch (e) {
    if (isProviderError(e) && e.code === 'not_supported') return { ok: false, unsupported: true }
    if (isProviderError(e)) return { ok: false, unsupported: false, error: e.message }
    // Not a provider error: a bug of ours. Logged in full; the page gets a plain sentence.
    console.error(`[billing] reading ${section} of ${slug} failed:`, e)
    return { ok: false, unsupported: false, error: `Reading the ${section.replace('_', ' ')} failed unexpectedly` }
  }
}

export async function accountBilling(account: ProviderAccount, now: Date): Promise<AccountBilling> {
  const base: AccountBilling = {
    slug: account.slug,
    display_name: account.displayName,
    type: account.type,
    provider_display_name: getDefinition(account.type)?.meta.displayName ?? account.type,
    threshold: parseThreshold(account.settings.low_balance_threshold),
    low_balance: false,
    balance: null,
    limits: null,
    subscriptions: null,
    orders: null,
    payment_methods: null,
    unsupported: [],
    errors: {},
    error: null,
  }
  let adapter: BaseAdapter
  try { adapter = adapterFor(account) }
  catch {
    base.error = 'The stored credentials of this account cannot be read; enter its API key again on Providers'
    return base
  }

  const [balance, limits, subscriptions, orders, paymentMethods] = await Promise.all([
    attempt(account.slug, 'balance', async () => (await adapter.getBalance()).map(balanceOut)),
    attempt(account.slug, 'limits', async () => (await adapter.getLimits()).map(limitOut)),
    attempt(account.slug, 'subscriptions', async () => (await adapter.listSubscriptions()).map(s => subscriptionView(s, now))),
    attempt(account.slug, 'orders', async () => (await adapter.listOrders()).map(orderOut).filter(isPendingOrder)),
    attempt(account.slug, 'payment_methods', async () => (await adapter.listPaymentMethods()).map(paymentMethodOut)),
  ])
  const out = base
  const take = <T>(section: BillingSection, o: Outcome<T>): T | null => {
    if (o.ok) return o.value
    if (o.unsupported) out.unsupported.push(section)
    else out.errors[section] = o.error
    return null
  }
  out.balance = take('balance', balance)
  out.limits = take('limits', limits)
  out.subscriptions = take('subscriptions', subscriptions)
  out.orders = take('orders', orders)
  out.payment_methods = take('payment_methods', paymentMethods)
  out.low_balance = belowThreshold(out.balance ?? [], out.threshold).length > 0
  const messages = [...new Set(Object.values(out.errors))]
  out.error = messages.length ? messages.join(' · ') : null
  return out
}

export async function billingOverview(now: Date = new Date()): Promise<BillingOverview> {
  const db = await useDb()
  const rows = await db.select().from(providerAccounts).orderBy(asc(providerAccounts.createdAt))
  const accounts = await Promise.all(rows.map(a => accountBilling(a, now)))
  return {
    generated_at: now.toISOString(),
    renewal_window_days: RENEWAL_WINDOW_DAYS,
    accounts,
    totals: currencyTotals(accounts),
  }
}
