/** Customer billing: plan prices, invoices, payments and credit. Amounts are integer minor units of `currency`. */
import { z } from 'zod'
import { isoDate, obj, uuid, type View } from './define'

export const BILLING_CYCLES = ['monthly', 'quarterly', 'yearly'] as const
export type BillingCycle = (typeof BILLING_CYCLES)[number]
export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'void', 'overdue'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

const minor = z.number().int().meta({ description: 'Minor units (cents) of `currency`' })

export const planPrice = obj({ cycle: z.enum(BILLING_CYCLES), amount_minor: minor, currency: z.string(), setup_fee_minor: minor }).meta({ id: 'PlanPrice' })
export type PlanPrice = View<typeof planPrice>

const party = obj({ name: z.string().nullable(), company: z.string().nullable().optional(), address: z.string().nullable().optional(), country: z.string().nullable(), vat_id: z.string().nullable(), email: z.string().nullable().optional() })

export const invoiceLine = obj({
  id: uuid,
  description: z.string(),
  quantity: z.number().int(),
  unit_minor: minor,
  tax_rate_bp: z.number().int().meta({ description: 'Basis points: 2000 = 20 %' }),
  tax_minor: minor,
  total_minor: minor,
  period_start: isoDate.nullable(),
  period_end: isoDate.nullable(),
  server_id: uuid.nullable(),
  order_id: uuid.nullable(),
})

export const payment = obj({
  id: uuid,
  invoice_id: uuid,
  invoice_number: z.string().nullable().optional(),
  amount_minor: minor.meta({ description: 'Negative for a refund' }),
  currency: z.string(),
  method: z.enum(['manual', 'credit', 'stripe']),
  reference: z.string().nullable(),
  refund_of: uuid.nullable(),
  created_at: isoDate,
}).meta({ id: 'Payment' })
export type PaymentView = View<typeof payment>

export const invoice = obj({
  id: uuid,
  number: z.string().nullable(),
  kind: z.enum(['invoice', 'credit_note']),
  credit_of: uuid.nullable(),
  status: z.enum(INVOICE_STATUSES),
  currency: z.string(),
  subtotal_minor: minor,
  tax_minor: minor,
  total_minor: minor,
  paid_minor: minor,
  due_minor: minor.meta({ description: 'What is left to pay' }),
  reverse_charge: z.boolean(),
  customer: party.extend({ id: uuid }),
  seller: party,
  order_id: uuid.nullable(),
  issued_at: isoDate.nullable(),
  due_at: isoDate.nullable(),
  paid_at: isoDate.nullable(),
  voided_at: isoDate.nullable(),
  created_at: isoDate,
  checkout_available: z.boolean().meta({ description: 'Whether the customer can pay it online (POST /api/invoices/{id}/checkout)' }),
  lines: z.array(invoiceLine).optional().meta({ description: 'One invoice\'s own answer' }),
  payments: z.array(payment).optional().meta({ description: 'One invoice\'s own answer' }),
}).meta({ id: 'Invoice' })
export type InvoiceView = View<typeof invoice>

export const invoiceList = obj({
  items: z.array(invoice),
  revenue: z.array(obj({ month: z.string(), currency: z.string(), amount_minor: minor })).optional().meta({ description: 'Admins: payments received per month and currency (last 12 months)' }),
})
export type InvoiceList = View<typeof invoiceList>

export const creditEntry = obj({ id: z.number().int(), currency: z.string(), amount_minor: minor, reason: z.enum(['top_up', 'refund', 'invoice_payment', 'adjustment']), ref: z.string().nullable(), created_at: isoDate })
export const creditView = obj({
  balances: z.array(obj({ currency: z.string(), amount_minor: minor })),
  ledger: z.array(creditEntry),
  payments: z.array(payment).meta({ description: 'Payments on the user\'s invoices, newest first' }),
}).meta({ id: 'Credit' })
export type CreditView = View<typeof creditView>

export const billingSettings = obj({
  seller_name: z.string(),
  seller_address: z.string(),
  seller_country: z.string().nullable(),
  seller_vat_id: z.string().nullable(),
  due_days: z.number().int(),
  tax_rates: z.array(obj({ country: z.string(), rate_bp: z.number().int() })),
}).meta({ id: 'BillingSettings' })
export type BillingSettings = View<typeof billingSettings>

export const billingProfile = obj({ country: z.string().nullable(), vat_id: z.string().nullable(), company: z.string().nullable(), credit_terms: z.boolean() }).meta({ id: 'BillingProfile' })
export type BillingProfile = View<typeof billingProfile>
