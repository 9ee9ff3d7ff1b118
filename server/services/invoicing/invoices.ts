/**
 * Invoices: drafted with their lines, then issued in one transaction that takes the year's next
 * number (a counter row, upserted and so locked until commit: no gaps, no duplicates), computes
 * tax per line and snapshots seller and customer. Issued invoices never change except by status
 * (paid, void, overdue); corrections are credit notes (a new invoice with negative lines).
 */
import { and, desc, eq, gte, like, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { useDb, type Db } from '#server/db/client'
import { creditLedger, invoiceCounters, invoiceLines, invoices, orders, payments, users, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { lineAmounts, taxDecision, type TaxDecision } from '#shared/billing/money'
import { INVOICE_STATUSES } from '#shared/schemas/invoices'
import { sellerSettings, taxRateMap } from './settings'

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type Exec = Db | Tx
export type InvoiceRow = typeof invoices.$inferSelect
type LineRow = typeof invoiceLines.$inferSelect
type PaymentRow = typeof payments.$inferSelect

export interface LineInput {
  description: string
  quantity?: number
  unitMinor: number
  periodStart?: Date | null
  periodEnd?: Date | null
  serverId?: string | null
  orderId?: string | null
}

const DAY_MS = 86_400_000

export const INVOICE_ERRORS = {
  notFound: () => httpError(404, 'No such invoice', 'invoice_not_found'),
  immutable: (status: string) => httpError(409, `This invoice is ${status}: an issued invoice does not change; correct it with a credit note`, 'invoice_immutable'),
}

/** A draft with its lines (no number, no tax yet: both are fixed when it is issued). */
export async function createDraft(exec: Exec, input: { customerId: string, currency: string, lines: LineInput[], orderId?: string | null, kind?: InvoiceRow['kind'], creditOf?: string | null }) {
  const [inv] = await exec.insert(invoices).values({
    customerId: input.customerId, currency: input.currency.toUpperCase(), orderId: input.orderId ?? null, kind: input.kind ?? 'invoice', creditOf: input.creditOf ?? null, status: 'draft',
  }).returning()
  await exec.insert(invoiceLines).values(input.lines.map((l, i) => ({
    invoiceId: inv!.id, position: i + 1, description: l.description, quantity: l.quantity ?? 1, unitMinor: l.unitMinor,
    totalMinor: (l.quantity ?? 1) * l.unitMinor, periodStart: l.periodStart ?? null, periodEnd: l.periodEnd ?? null, serverId: l.serverId ?? null, orderId: l.orderId ?? null,
  })))
  return inv!
}

export function formatNumber(year: number, n: number) {
  return `${year}-${String(n).padStart(6, '0')}`
}

/** The year's next number, inside the caller's transaction: the counter row stays locked until it commits. */
export async function nextNumber(tx: Exec, year: number) {
  const r = await tx.execute<{ last: number }>(sql`insert into ${invoiceCounters} (year, last) values (${year}, 1)
    on conflict (year) do update set last = ${invoiceCounters}.last + 1 returning last`)
  const rows = (r as unknown as { rows: { last: number }[] }).rows ?? (r as unknown as { last: number }[])
  return formatNumber(year, Number(rows[0]!.last))
}

/**
 * Issues a draft: number, tax per line (reverse charge for a foreign business with a VAT id),
 * totals, snapshots, due date. In the caller's transaction when given one, else in its own.
 */
export async function issueDraft(invoiceId: string, exec?: Tx, fixed?: TaxDecision): Promise<InvoiceRow> {
  if (!exec) return (await useDb()).transaction(tx => issueDraft(invoiceId, tx, fixed))
  const tx = exec
  const [inv] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for('update')
  if (!inv) throw INVOICE_ERRORS.notFound()
  if (inv.status !== 'draft') throw INVOICE_ERRORS.immutable(inv.status)
  const [customer] = await tx.select().from(users).where(eq(users.id, inv.customerId))
  const seller = await sellerSettings(tx)
  const decision = fixed ?? taxDecision({ country: customer!.billingCountry, vatId: customer!.vatId }, seller.seller_country, await taxRateMap(tx))
  const lines = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, inv.id)).orderBy(invoiceLines.position)
  let subtotal = 0
  let tax = 0
  for (const l of lines) {
    const a = lineAmounts(l.quantity, l.unitMinor, decision.rateBp)
    subtotal += a.net
    tax += a.tax
    await tx.update(invoiceLines).set({ taxRateBp: decision.rateBp, taxMinor: a.tax, totalMinor: a.total }).where(eq(invoiceLines.id, l.id))
  }
  const now = new Date()
  const number = await nextNumber(tx, now.getUTCFullYear())
  const [issued] = await tx.update(invoices).set({
    number, status: 'open', subtotalMinor: subtotal, taxMinor: tax, totalMinor: subtotal + tax, reverseCharge: decision.reverseCharge,
    customerSnapshot: { name: customer!.name, email: customer!.email, company: customer!.company, country: customer!.billingCountry, vat_id: customer!.vatId },
    sellerSnapshot: { name: seller.seller_name, address: seller.seller_address, country: seller.seller_country, vat_id: seller.seller_vat_id },
    issuedAt: now, dueAt: new Date(now.getTime() + seller.due_days * DAY_MS), updatedAt: now,
  }).where(and(eq(invoices.id, inv.id), eq(invoices.status, 'draft'))).returning()
  return issued!
}

// ---------- reading ----------

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function paymentView(p: PaymentRow, number?: string | null) {
  return {
    id: p.id, invoice_id: p.invoiceId, ...(number !== undefined ? { invoice_number: number } : {}), amount_minor: p.amountMinor, currency: p.currency,
    method: p.method, reference: p.reference, refund_of: p.refundOf, created_at: p.createdAt.toISOString(),
  }
}

/** Whether an online gateway can take this invoice (set by a gateway module, e.g. Stripe). */
export const checkoutAvailability: { check: (inv: InvoiceRow) => boolean } = { check: () => false }

export function invoiceView(inv: InvoiceRow, extra: { lines?: LineRow[], payments?: PaymentRow[] } = {}) {
  const c = inv.customerSnapshot
  const s = inv.sellerSnapshot
  const payable = inv.status === 'open' || inv.status === 'overdue'
  return {
    id: inv.id,
    number: inv.number,
    kind: inv.kind,
    credit_of: inv.creditOf,
    status: inv.status,
    currency: inv.currency,
    subtotal_minor: inv.subtotalMinor,
    tax_minor: inv.taxMinor,
    total_minor: inv.totalMinor,
    paid_minor: inv.paidMinor,
    due_minor: payable ? Math.max(0, inv.totalMinor - inv.paidMinor) : 0,
    reverse_charge: inv.reverseCharge,
    customer: { id: inv.customerId, name: c.name ?? null, email: c.email ?? null, company: c.company ?? null, country: c.country ?? null, vat_id: c.vat_id ?? null },
    seller: { name: s.name ?? null, address: s.address ?? null, country: s.country ?? null, vat_id: s.vat_id ?? null },
    order_id: inv.orderId,
    issued_at: iso(inv.issuedAt),
    due_at: iso(inv.dueAt),
    paid_at: iso(inv.paidAt),
    voided_at: iso(inv.voidedAt),
    created_at: inv.createdAt.toISOString(),
    checkout_available: payable && checkoutAvailability.check(inv),
    ...(extra.lines
      ? {
          lines: extra.lines.map(l => ({
            id: l.id, description: l.description, quantity: l.quantity, unit_minor: l.unitMinor, tax_rate_bp: l.taxRateBp, tax_minor: l.taxMinor, total_minor: l.totalMinor,
            period_start: iso(l.periodStart), period_end: iso(l.periodEnd), server_id: l.serverId, order_id: l.orderId,
          })),
        }
      : {}),
    ...(extra.payments ? { payments: extra.payments.map(p => paymentView(p)) } : {}),
  }
}

function scoped(user: Pick<User, 'id' | 'role'>, where?: SQL) {
  // Drafts are the admin's work in progress: customers see issued invoices only.
  return user.role === 'admin' ? where : and(eq(invoices.customerId, user.id), sql`${invoices.status} <> 'draft'`, where)
}

export const invoiceListQuery = z.object({
  status: z.enum(INVOICE_STATUSES).optional(),
  customer: z.string().uuid().optional(),
  overdue: z.enum(['true', 'false']).optional().meta({ description: '`true`: open invoices past their due date (and those marked overdue)' }),
  limit: z.coerce.number().int().min(1).max(500).default(200),
})

export const pdfQuery = z.object({ lang: z.enum(['en', 'ru']).optional().meta({ description: 'The PDF\'s language (default: the reader\'s)' }) })

export async function listInvoices(user: User, q: z.infer<typeof invoiceListQuery>) {
  const db = await useDb()
  const conds: SQL[] = []
  if (q.status) conds.push(eq(invoices.status, q.status))
  if (q.customer && user.role === 'admin') conds.push(eq(invoices.customerId, q.customer))
  if (q.overdue === 'true') conds.push(sql`(${invoices.status} = 'overdue' or (${invoices.status} = 'open' and ${invoices.dueAt} < now()))`)
  const rows = await db.select().from(invoices).where(scoped(user, conds.length ? and(...conds) : undefined)).orderBy(desc(invoices.createdAt)).limit(q.limit)
  const items = rows.map(r => invoiceView(r))
  if (user.role !== 'admin') return { items }
  return { items, revenue: await revenueByMonth() }
}

/**
 * What invoices were paid with, per month and currency (never added across currencies): every
 * payment, credit included (a top-up is revenue once it pays an invoice), less the excess of an
 * overpayment, which went to credit and is counted when that credit pays.
 */
export async function revenueByMonth() {
  const db = await useDb()
  const since = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 11, 1))
  const month = sql<string>`to_char(${payments.createdAt} at time zone 'UTC', 'YYYY-MM')`
  const paid = await db.select({ month, currency: payments.currency, amount: sql<string>`sum(${payments.amountMinor})` })
    .from(payments).where(gte(payments.createdAt, since)).groupBy(month, payments.currency)
  const excessMonth = sql<string>`to_char(${creditLedger.createdAt} at time zone 'UTC', 'YYYY-MM')`
  const excess = await db.select({ month: excessMonth, currency: creditLedger.currency, amount: sql<string>`sum(${creditLedger.amountMinor})` })
    .from(creditLedger).where(and(gte(creditLedger.createdAt, since), like(creditLedger.ref, 'overpayment:%'))).groupBy(excessMonth, creditLedger.currency)
  const total = new Map<string, { month: string, currency: string, amount_minor: number }>()
  for (const [rows, sign] of [[paid, 1], [excess, -1]] as const) {
    for (const r of rows) {
      const k = `${r.month} ${r.currency}`
      const row = total.get(k) ?? { month: r.month, currency: r.currency, amount_minor: 0 }
      row.amount_minor += sign * Number(r.amount)
      total.set(k, row)
    }
  }
  return [...total.values()].sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency))
}

export async function loadInvoice(id: string, user: Pick<User, 'id' | 'role'>) {
  const db = await useDb()
  const [inv] = await db.select().from(invoices).where(scoped(user, eq(invoices.id, id)))
  if (!inv) throw INVOICE_ERRORS.notFound()
  return inv
}

export async function invoiceDetail(inv: InvoiceRow) {
  const db = await useDb()
  const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, inv.id)).orderBy(invoiceLines.position)
  const pays = await db.select().from(payments).where(eq(payments.invoiceId, inv.id)).orderBy(payments.createdAt)
  return { lines, payments: pays }
}

export async function getInvoiceView(id: string, user: Pick<User, 'id' | 'role'>) {
  const inv = await loadInvoice(id, user)
  return invoiceView(inv, await invoiceDetail(inv))
}

// ---------- void and credit notes ----------

/** Voids an open invoice nothing was paid on; an order waiting for it is cancelled. */
export async function voidInvoice(id: string) {
  const db = await useDb()
  const row = await db.transaction(async (tx) => {
    const [inv] = await tx.select().from(invoices).where(eq(invoices.id, id)).for('update')
    if (!inv) throw INVOICE_ERRORS.notFound()
    if (inv.status !== 'open' && inv.status !== 'overdue') throw httpError(409, `Only open invoices can be voided; this one is ${inv.status}`, 'invoice_not_open')
    if (inv.paidMinor !== 0) throw httpError(409, 'Part of this invoice is paid: refund the payment or issue a credit note instead', 'invoice_partly_paid')
    const [done] = await tx.update(invoices).set({ status: 'void', voidedAt: new Date(), updatedAt: new Date() }).where(eq(invoices.id, id)).returning()
    await tx.update(orders).set({ status: 'cancelled', updatedAt: new Date() }).where(and(eq(orders.invoiceId, id), eq(orders.status, 'awaiting_payment')))
    return done!
  })
  return getInvoiceView(row.id, { id: '', role: 'admin' })
}

export const creditNoteBody = z.object({ reason: z.string().trim().max(300).optional() }).strict()

/**
 * A credit note for a paid invoice: a new invoice (kind `credit_note`, its own number) with the
 * original's lines negated; what was paid goes to the customer's credit balance. One per invoice.
 */
export async function issueCreditNote(id: string, body: z.infer<typeof creditNoteBody>, actor: User) {
  const db = await useDb()
  const note = await db.transaction(async (tx) => {
    const [inv] = await tx.select().from(invoices).where(eq(invoices.id, id)).for('update')
    if (!inv) throw INVOICE_ERRORS.notFound()
    if (inv.kind !== 'invoice' || inv.status !== 'paid') throw httpError(409, `A credit note corrects a paid invoice; this one is ${inv.kind === 'invoice' ? inv.status : 'a credit note'} (void an open one instead)`, 'credit_note_not_allowed')
    const [existing] = await tx.select({ id: invoices.id }).from(invoices).where(and(eq(invoices.creditOf, id), eq(invoices.kind, 'credit_note')))
    if (existing) throw httpError(409, 'This invoice already has a credit note', 'credit_note_exists')
    const lines = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, id)).orderBy(invoiceLines.position)
    const draft = await createDraft(tx, {
      customerId: inv.customerId, currency: inv.currency, kind: 'credit_note', creditOf: inv.id, orderId: inv.orderId,
      lines: lines.map(l => ({ description: body.reason ? `${l.description} (${body.reason})` : l.description, quantity: l.quantity, unitMinor: -l.unitMinor, periodStart: l.periodStart, periodEnd: l.periodEnd, serverId: l.serverId, orderId: l.orderId })),
    })
    // The original's tax treatment stands (the customer's profile may have changed since).
    const issued = await issueDraft(draft.id, tx, { rateBp: lines[0]?.taxRateBp ?? 0, reverseCharge: inv.reverseCharge })
    const [settled] = await tx.update(invoices).set({ status: 'paid', paidMinor: issued.totalMinor, paidAt: new Date() }).where(eq(invoices.id, issued.id)).returning()
    if (inv.paidMinor > 0) {
      await tx.insert(creditLedger).values({ userId: inv.customerId, currency: inv.currency, amountMinor: Math.min(inv.paidMinor, -issued.totalMinor), reason: 'refund', ref: `credit_note:${issued.id}`, createdBy: actor.id })
    }
    return settled!
  })
  return getInvoiceView(note.id, { id: '', role: 'admin' })
}
