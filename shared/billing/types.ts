/**
 * The billing API's response shapes, shared by the server (which builds them) and the app
 * (which shows them). Amounts are numbers in the account's currency; unknown values are null.
 */

export interface BalanceOut {
  amount: number
  currency: string
  monthly_usage: number | null
  monthly_estimate: number | null
  today_usage: number | null
}

export interface LimitOut { resource: string, used: number | null, limit: number | null, unit: string | null }

export interface PaymentMethodOut { id: string, name: string, is_default: boolean }

export interface OrderOut {
  id: string
  number: string | null
  amount: number | null
  currency: string | null
  status: string
  cancellable: boolean
}

/** The seed's subscription shape. */
export interface SubscriptionOut {
  id: string
  name: string
  status: string
  plan: string | null
  price: number | null
  currency: string | null
  renews_at: string | null
  created_at: string | null
}

/** A subscription in the overview: how far its renewal is, and whether that is soon. */
export interface SubscriptionView extends SubscriptionOut {
  renews_in_days: number | null
  renews_soon: boolean
}

export interface CatalogItemOut {
  id: string
  name: string
  category: string
  price_cents: number | null
  currency: string | null
  period: string | null
  description: string | null
}

export const BILLING_SECTIONS = ['balance', 'limits', 'subscriptions', 'orders', 'payment_methods'] as const
export type BillingSection = (typeof BILLING_SECTIONS)[number]

/**
 * One provider account. A section is its data, or null when the provider cannot give it (listed
 * in `unsupported`) or when reading it failed (its message in `errors`).
 */
export interface AccountBilling {
  slug: string
  display_name: string
  type: string
  provider_display_name: string
  /** The account's `low_balance_threshold` setting, in its own currency. */
  threshold: number | null
  low_balance: boolean
  balance: BalanceOut[] | null
  limits: LimitOut[] | null
  subscriptions: SubscriptionView[] | null
  /** Pending orders only. */
  orders: OrderOut[] | null
  payment_methods: PaymentMethodOut[] | null
  unsupported: BillingSection[]
  errors: Partial<Record<BillingSection, string>>
  /** The distinct error messages of this account, in one sentence or more; null when all went well. */
  error: string | null
}

/** Sums over the accounts that report this currency; null when none reports that figure. */
export interface CurrencyTotal {
  currency: string
  balance: number | null
  monthly_usage: number | null
  monthly_estimate: number | null
  today_usage: number | null
  pending_orders: number | null
  /** Accounts with a balance in this currency. */
  accounts: number
}

export interface BillingOverview {
  generated_at: string
  renewal_window_days: number
  accounts: AccountBilling[]
  totals: CurrencyTotal[]
}

export interface HistoryPoint { day: string, balance: number | null, monthly_usage: number | null }

export interface HistorySeries {
  account_id: string
  slug: string
  display_name: string
  type: string
  currency: string
  points: HistoryPoint[]
}

export interface BillingHistory { days: number, from: string, to: string, series: HistorySeries[] }

export interface SampleRun {
  day: string
  samples: { slug: string, currency: string, balance: number, monthly_usage: number | null }[]
  low_balance: { slug: string, currency: string, balance: number, threshold: number, notified: boolean }[]
  /** Accounts whose provider has no balance. */
  skipped: { slug: string, reason: string }[]
  errors: { slug: string, error: string }[]
}
