/**
 * Adapter models → the billing API's shapes. Only the documented fields go out: `extra` (raw
 * upstream data) stays inside, and every figure a provider left out is null, never 0.
 */
import type { Balance, CatalogItem, PaymentMethod, Subscription, UpstreamOrder, UsageLimit } from '#server/providers/types'
import type { BalanceOut, CatalogItemOut, LimitOut, OrderOut, PaymentMethodOut, SubscriptionOut, SubscriptionView } from '#shared/billing/types'
import { renewsInDays, renewsSoon } from '#shared/billing/money'

const finite = (n: number | null | undefined): number | null => (typeof n === 'number' && Number.isFinite(n) ? n : null)

export function balanceOut(b: Balance): BalanceOut {
  return {
    amount: b.amount,
    currency: b.currency,
    monthly_usage: finite(b.monthlyUsage),
    monthly_estimate: finite(b.monthlyEstimate),
    today_usage: finite(b.todayUsage),
  }
}

export function limitOut(l: UsageLimit): LimitOut {
  return { resource: l.resource, used: finite(l.used), limit: finite(l.limit), unit: l.unit ?? null }
}

export function paymentMethodOut(p: PaymentMethod): PaymentMethodOut {
  return { id: p.id, name: p.name, is_default: p.isDefault }
}

export function orderOut(o: UpstreamOrder): OrderOut {
  return { id: o.id, number: o.number ?? null, amount: finite(o.amount), currency: o.currency ?? null, status: o.status, cancellable: o.cancellable }
}

/** Pending means waiting for payment; providers spell it their own way ("Pending", "pending"). */
export function isPendingOrder(o: OrderOut): boolean {
  return o.cancellable || /pending|unpaid/i.test(o.status)
}

export function subscriptionOut(s: Subscription): SubscriptionOut {
  return {
    id: s.id,
    name: s.name,
    status: s.status,
    plan: s.plan ?? null,
    price: finite(s.price),
    currency: s.currency ?? null,
    renews_at: s.renews_at ?? null,
    created_at: s.created_at ?? null,
  }
}

export function subscriptionView(s: Subscription, now: Date): SubscriptionView {
  const out = subscriptionOut(s)
  const days = renewsInDays(out.renews_at, now)
  return { ...out, renews_in_days: days, renews_soon: renewsSoon(days) }
}

export function catalogItemOut(c: CatalogItem): CatalogItemOut {
  return {
    id: c.id,
    name: c.name,
    category: c.category,
    price_cents: finite(c.price_cents),
    currency: c.currency ?? null,
    period: c.period ?? null,
    description: c.description ?? null,
  }
}
