/** How invoices, prices and credit read in the UI (their shapes: shared/schemas/invoices.ts). */
import { BILLING_CYCLES, type BillingCycle, type InvoiceStatus, type PlanPrice } from '~~/shared/schemas/invoices'
import { minorDigits, parseMajor } from '~~/shared/billing/money'

export type { BillingCycle, BillingProfile, BillingSettings, CreditView, InvoiceList, InvoiceStatus, InvoiceView, PaymentView, PlanPrice } from '~~/shared/schemas/invoices'
export { BILLING_CYCLES, INVOICE_STATUSES } from '~~/shared/schemas/invoices'

/** One colour and icon per status (words in `invoices.status.<status>`). */
export const INVOICE_STATUS: Record<InvoiceStatus, { color: string, icon: string }> = {
  draft: { color: 'grey', icon: 'mdi-file-document-edit-outline' },
  open: { color: 'warning', icon: 'mdi-cash-clock' },
  paid: { color: 'success', icon: 'mdi-check-circle' },
  void: { color: 'grey', icon: 'mdi-cancel' },
  overdue: { color: 'error', icon: 'mdi-alert-circle' },
}

/** The plan form's billing part: amounts as typed (major units), one currency for all cycles. */
export interface PlanBillingForm {
  currency: string
  cycles: Record<BillingCycle, { amount: string, setup: string }>
  stock_limit: string
  pay_later: boolean
}

const major = (minor: number, currency: string) => {
  const d = minorDigits(currency)
  return (minor / 10 ** d).toFixed(d)
}

export function planBillingForm(p?: { prices: PlanPrice[], pay_later: boolean, stock_limit?: number | null } | null): PlanBillingForm {
  const currency = p?.prices[0]?.currency ?? 'EUR'
  const cycles = Object.fromEntries(BILLING_CYCLES.map((c) => {
    const x = p?.prices.find(y => y.cycle === c)
    return [c, { amount: x ? major(x.amount_minor, x.currency) : '', setup: x?.setup_fee_minor ? major(x.setup_fee_minor, x.currency) : '' }]
  })) as PlanBillingForm['cycles']
  return { currency, cycles, stock_limit: p?.stock_limit === null || p?.stock_limit === undefined ? '' : String(p.stock_limit), pay_later: p?.pay_later ?? false }
}

/** The form as the API takes it; null when an amount is not a valid number (the field says which). */
export function planBillingBody(f: PlanBillingForm) {
  const currency = f.currency.trim().toUpperCase()
  const prices = []
  for (const c of BILLING_CYCLES) {
    const { amount, setup } = f.cycles[c]
    if (!amount.trim()) continue
    const a = parseMajor(amount, currency)
    const s = setup.trim() ? parseMajor(setup, currency) : 0
    if (a === null || s === null || a < 0 || s < 0) return null
    prices.push({ cycle: c, amount_minor: a, currency, setup_fee_minor: s })
  }
  const stock = f.stock_limit.trim() ? Number(f.stock_limit) : null
  if (stock !== null && (!Number.isInteger(stock) || stock < 0)) return null
  return { prices, stock_limit: stock, pay_later: f.pay_later }
}
