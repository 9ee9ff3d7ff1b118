/**
 * Money in and out: the ONE place an invoice becomes paid (recordPayment), refunds, and the
 * customer's credit balance (a signed ledger per currency). Exactly once: a payment carries its
 * Idempotency-Key (per user) or its gateway id (`external_id`), both unique, and is written in
 * one transaction with the invoice row locked; the order waiting for the invoice moves from
 * `awaiting_payment` to `pending` in that same transaction, by a conditional update, so it is
 * started once whatever the number of payments, retries or instances.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import { useDb } from '#server/db/client'
import { creditLedger, invoices, payments, users, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { refundableMinor } from '#shared/billing/money'
import { EO, requestHash } from '../exactly-once/keys'
import { notifyUser } from '../notifications'
import { getInvoiceView, paymentView, type InvoiceRow, type Tx } from './invoices'
import { enqueueStartedOrders, startPaidOrders } from './order-billing'

type PaymentRow = typeof payments.$inferSelect

/**
 * Called after an invoice became paid (outside its transaction; a failing hook is logged and
 * does not undo the payment). Gateways and renewals add theirs (e.g. unsuspend a server).
 */
export type PaidHook = (invoice: InvoiceRow) => Promise<void>
export const paidHooks: PaidHook[] = []

export const paymentBodySchema = z.object({
  amount_minor: z.number().int().positive('amount_minor must be a positive whole number of minor units (cents)'),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/).optional(),
  method: z.enum(['manual', 'credit']).default('manual'),
  reference: z.string().trim().max(200).optional(),
}).strict()

export interface RecordPaymentInput {
  invoiceId: string
  amountMinor: number
  currency?: string
  method: PaymentRow['method']
  reference?: string | null
  externalId?: string | null
  /** `<scope>:<key>`: the same key records one payment. */
  idempotencyKey?: string | null
  actorId?: string | null
}

const NOT_PAYABLE = (status: string) => httpError(409, `This invoice is ${status}: it takes no payment`, 'invoice_not_payable')

async function lockCredit(tx: Tx, userId: string, currency: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`credit:${userId}:${currency}`}))`)
}

async function balanceIn(tx: Tx | Awaited<ReturnType<typeof useDb>>, userId: string, currency: string) {
  const [r] = await tx.select({ n: sql<string>`coalesce(sum(${creditLedger.amountMinor}), 0)` }).from(creditLedger)
    .where(and(eq(creditLedger.userId, userId), eq(creditLedger.currency, currency)))
  return Number(r?.n ?? 0)
}

/**
 * Records a payment on an open (or overdue) invoice; marks it paid once payments reach its
 * total (anything above goes to the customer's credit) and starts the order waiting for it.
 * A repeat (same idempotency key or external id) answers with the first payment.
 */
export async function recordPayment(input: RecordPaymentInput): Promise<{ created: boolean, payment: PaymentRow, becamePaid: boolean }> {
  const db = await useDb()
  const hash = requestHash({ invoice: input.invoiceId, amount: input.amountMinor, method: input.method, reference: input.reference ?? null, currency: input.currency ?? null })
  const repeat = async () => {
    const [p] = input.idempotencyKey
      ? await db.select().from(payments).where(eq(payments.idempotencyKey, input.idempotencyKey))
      : input.externalId ? await db.select().from(payments).where(eq(payments.externalId, input.externalId)) : []
    if (p && input.idempotencyKey && p.requestHash !== hash) throw EO.keyReused()
    return p
  }
  const first = await repeat()
  if (first) return { created: false, payment: first, becamePaid: false }

  const out = await db.transaction(async (tx) => {
    const [inv] = await tx.select().from(invoices).where(eq(invoices.id, input.invoiceId)).for('update')
    if (!inv) throw httpError(404, 'No such invoice', 'invoice_not_found')
    // Under the invoice's lock: a concurrent twin committed first.
    const twin = input.idempotencyKey
      ? (await tx.select().from(payments).where(eq(payments.idempotencyKey, input.idempotencyKey)))[0]
      : input.externalId ? (await tx.select().from(payments).where(eq(payments.externalId, input.externalId)))[0] : undefined
    if (twin) return { created: false, payment: twin, becamePaid: false, invoice: inv, orders: [] as string[] }
    if (inv.status !== 'open' && inv.status !== 'overdue') throw NOT_PAYABLE(inv.status)
    if (input.currency && input.currency.toUpperCase() !== inv.currency) throw httpError(400, `This invoice is in ${inv.currency}, not ${input.currency.toUpperCase()}`, 'currency_mismatch')
    const due = inv.totalMinor - inv.paidMinor
    if (input.method === 'credit') {
      await lockCredit(tx, inv.customerId, inv.currency)
      if (input.amountMinor > due) throw httpError(400, 'Credit pays at most what is due', 'invalid_input')
      const balance = await balanceIn(tx, inv.customerId, inv.currency)
      if (balance < input.amountMinor) throw httpError(409, 'The customer\'s credit balance is not enough for this payment', 'insufficient_credit')
      await tx.insert(creditLedger).values({ userId: inv.customerId, currency: inv.currency, amountMinor: -input.amountMinor, reason: 'invoice_payment', ref: `invoice:${inv.id}`, createdBy: input.actorId ?? null })
    }
    const [payment] = await tx.insert(payments).values({
      invoiceId: inv.id, amountMinor: input.amountMinor, currency: inv.currency, method: input.method, reference: input.reference ?? null,
      externalId: input.externalId ?? null, idempotencyKey: input.idempotencyKey ?? null, requestHash: hash, createdBy: input.actorId ?? null,
    }).returning()
    const paid = inv.paidMinor + input.amountMinor
    const becamePaid = paid >= inv.totalMinor
    if (paid > inv.totalMinor) {
      await tx.insert(creditLedger).values({ userId: inv.customerId, currency: inv.currency, amountMinor: paid - inv.totalMinor, reason: 'top_up', ref: `overpayment:${payment!.id}`, createdBy: input.actorId ?? null })
    }
    const [after] = await tx.update(invoices).set({ paidMinor: Math.min(paid, inv.totalMinor), ...(becamePaid ? { status: 'paid' as const, paidAt: new Date() } : {}), updatedAt: new Date() })
      .where(eq(invoices.id, inv.id)).returning()
    const started = becamePaid ? await startPaidOrders(tx, after!) : []
    return { created: true, payment: payment!, becamePaid, invoice: after!, orders: started }
  }).catch(async (e) => {
    // Two requests with one key on different invoices: the unique index refused the second.
    if ((e as { code?: string })?.code === '23505' || /unique/i.test(String((e as Error)?.message))) {
      const p = await repeat()
      if (p) return { created: false, payment: p, becamePaid: false, invoice: null, orders: [] as string[] }
    }
    throw e
  })
  if (out.becamePaid && out.invoice) await afterPaid(out.invoice, out.orders)
  return { created: out.created, payment: out.payment, becamePaid: out.becamePaid }
}

async function afterPaid(invoice: InvoiceRow, orderIds: string[]) {
  await enqueueStartedOrders(orderIds)
  if (invoice.kind === 'invoice') {
    await notifyUser(invoice.customerId, { kind: 'invoice_paid', params: { number: invoice.number ?? '' }, link: `/invoices/${invoice.id}`, invoiceId: invoice.id, dedupeKey: `invoice-paid:${invoice.id}`, repeat: 'once' })
      .catch(e => console.error(`[invoices] ${invoice.id}: the invoice_paid alert failed:`, (e as Error).message))
  }
  for (const hook of paidHooks) {
    await hook(invoice).catch(e => console.error(`[invoices] ${invoice.id}: a paid hook failed:`, (e as Error).message))
  }
}

/** Admins: a manual payment (bank transfer) or one from the customer's credit. */
export async function recordManualPayment(invoiceId: string, body: z.infer<typeof paymentBodySchema>, admin: User, key: string | null) {
  const r = await recordPayment({
    invoiceId, amountMinor: body.amount_minor, currency: body.currency, method: body.method, reference: body.reference ?? null,
    idempotencyKey: key ? `${admin.id}:${key}` : null, actorId: admin.id,
  })
  return { created: r.created, payment: paymentView(r.payment), invoice: await getInvoiceView(r.payment.invoiceId, admin) }
}

/** Pays a just-issued invoice from the customer's credit when the balance covers it. */
export async function autoPayFromCredit(invoice: InvoiceRow) {
  if (invoice.status !== 'open' || invoice.totalMinor <= 0) return false
  const db = await useDb()
  if (await balanceIn(db, invoice.customerId, invoice.currency) < invoice.totalMinor - invoice.paidMinor) return false
  try {
    const r = await recordPayment({ invoiceId: invoice.id, amountMinor: invoice.totalMinor - invoice.paidMinor, method: 'credit', reference: 'Credit balance', idempotencyKey: `autopay:${invoice.id}` })
    return r.becamePaid || !r.created
  }
  catch (e) {
    // Spent meanwhile: the invoice simply stays open.
    if ((e as { statusCode?: number }).statusCode === 409) return false
    throw e
  }
}

// ---------- refunds ----------

export const refundBodySchema = z.object({
  amount_minor: z.number().int().positive().optional().meta({ description: 'Default: all that is left of the payment' }),
  to: z.enum(['credit', 'external']).default('credit').meta({ description: '`credit`: to the customer\'s credit balance; `external`: paid back outside (bank), recorded here' }),
  reference: z.string().trim().max(200).optional(),
}).strict()

export async function refundPayment(paymentId: string, body: z.infer<typeof refundBodySchema>, admin: User, key: string | null) {
  const db = await useDb()
  const idem = key ? `${admin.id}:${key}` : null
  const hash = requestHash({ refund: paymentId, ...body })
  if (idem) {
    const [p] = await db.select().from(payments).where(eq(payments.idempotencyKey, idem))
    if (p) {
      if (p.requestHash !== hash) throw EO.keyReused()
      return { created: false, payment: paymentView(p) }
    }
  }
  const refund = await db.transaction(async (tx) => {
    const [orig] = await tx.select().from(payments).where(eq(payments.id, paymentId))
    if (!orig || orig.refundOf) throw httpError(404, 'No such payment', 'payment_not_found')
    const [inv] = await tx.select().from(invoices).where(eq(invoices.id, orig.invoiceId)).for('update')
    // Under the invoice's lock: a concurrent twin with this key committed first.
    const twin = idem ? (await tx.select().from(payments).where(eq(payments.idempotencyKey, idem)))[0] : undefined
    if (twin) {
      if (twin.requestHash !== hash) throw EO.keyReused()
      return { row: twin, created: false }
    }
    // A credit note already put what was paid on the customer's credit: refunding too would pay it twice.
    const [note] = await tx.select({ id: invoices.id }).from(invoices).where(and(eq(invoices.creditOf, inv!.id), eq(invoices.kind, 'credit_note')))
    if (note) throw httpError(409, 'This invoice has a credit note: what was paid is on the customer\'s credit already', 'credit_note_exists')
    const [r] = await tx.select({ n: sql<string>`coalesce(sum(${payments.amountMinor}), 0)` }).from(payments).where(eq(payments.refundOf, orig.id))
    const left = refundableMinor({ paymentMinor: orig.amountMinor, refundedMinor: -Number(r?.n ?? 0), invoicePaidMinor: inv!.paidMinor })
    const amount = body.amount_minor ?? left
    if (amount <= 0 || amount > left) throw httpError(409, `At most ${left} minor units of this payment are left to refund`, 'refund_too_large')
    const [row] = await tx.insert(payments).values({
      invoiceId: orig.invoiceId, amountMinor: -amount, currency: orig.currency, method: body.to === 'credit' ? 'credit' : orig.method,
      reference: body.reference ?? null, refundOf: orig.id, idempotencyKey: idem, requestHash: hash, createdBy: admin.id,
    }).returning()
    if (body.to === 'credit') await tx.insert(creditLedger).values({ userId: inv!.customerId, currency: orig.currency, amountMinor: amount, reason: 'refund', ref: `payment:${orig.id}`, createdBy: admin.id })
    await tx.update(invoices).set({ paidMinor: inv!.paidMinor - amount, updatedAt: new Date() }).where(eq(invoices.id, inv!.id))
    return { row: row!, created: true }
  })
  return { created: refund.created, payment: paymentView(refund.row) }
}

// ---------- credit ----------

export const topUpBodySchema = z.object({
  amount_minor: z.number().int().refine(n => n !== 0, 'amount_minor must not be 0'),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'currency is a three-letter code, such as EUR'),
  reason: z.enum(['top_up', 'adjustment']).default('top_up'),
  ref: z.string().trim().max(200).optional().meta({ description: 'A note kept in the ledger; required for an adjustment (why it was made)' }),
}).strict().refine(b => b.reason !== 'adjustment' || !!b.ref, { message: 'An adjustment needs a reason (ref)', path: ['ref'] })

/**
 * Admins: adds to (or, as an adjustment, takes from) a customer's credit; then pays their open
 * invoices it covers. Exactly once per Idempotency-Key: the same key again changes nothing
 * (`created: false`), the same key for another change is a 422.
 */
export async function topUpCredit(userId: string, body: z.infer<typeof topUpBodySchema>, admin: User, key: string | null) {
  const db = await useDb()
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId))
  if (!user) throw httpError(404, 'No such user', 'user_not_found')
  const idem = key ? `${admin.id}:${key}` : null
  const earlier = async () => {
    if (!idem) return undefined
    const [l] = await db.select().from(creditLedger).where(eq(creditLedger.idempotencyKey, idem))
    const same = l && l.userId === userId && l.currency === body.currency && l.amountMinor === body.amount_minor && l.reason === body.reason && l.ref === (body.ref ?? null)
    if (l && !same) throw EO.keyReused()
    return l
  }
  let created = false
  if (!await earlier()) {
    created = await db.transaction(async (tx) => {
      await lockCredit(tx, userId, body.currency)
      if (body.amount_minor < 0 && await balanceIn(tx, userId, body.currency) + body.amount_minor < 0) throw httpError(409, 'The credit balance cannot go below zero', 'insufficient_credit')
      const inserted = await tx.insert(creditLedger).values({ userId, currency: body.currency, amountMinor: body.amount_minor, reason: body.reason, ref: body.ref ?? null, idempotencyKey: idem, createdBy: admin.id })
        .onConflictDoNothing({ target: creditLedger.idempotencyKey }).returning({ id: creditLedger.id })
      return inserted.length > 0
    })
    // A concurrent twin with this key won: the same change is answered, another one refused.
    if (!created) await earlier()
  }
  if (body.amount_minor > 0) {
    const open = await db.select().from(invoices).where(and(eq(invoices.customerId, userId), eq(invoices.currency, body.currency), inArray(invoices.status, ['open', 'overdue']))).orderBy(invoices.createdAt)
    for (const inv of open) await autoPayFromCredit(inv)
  }
  return { created, credit: await creditOf(userId) }
}

export const creditQuery = z.object({ user: z.string().uuid().optional().meta({ description: 'Admins: whose credit (default: your own)' }) })

/** A user's balances, ledger and payment history. */
export async function creditOf(userId: string) {
  const db = await useDb()
  const balances = await db.select({ currency: creditLedger.currency, n: sql<string>`sum(${creditLedger.amountMinor})` }).from(creditLedger)
    .where(eq(creditLedger.userId, userId)).groupBy(creditLedger.currency).orderBy(creditLedger.currency)
  const ledger = await db.select().from(creditLedger).where(eq(creditLedger.userId, userId)).orderBy(desc(creditLedger.id)).limit(200)
  const pays = await db.select({ p: payments, number: invoices.number }).from(payments).innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(eq(invoices.customerId, userId)).orderBy(desc(payments.createdAt)).limit(200)
  return {
    balances: balances.map(b => ({ currency: b.currency, amount_minor: Number(b.n) })),
    ledger: ledger.map(l => ({ id: l.id, currency: l.currency, amount_minor: l.amountMinor, reason: l.reason, ref: l.ref, created_at: l.createdAt.toISOString() })),
    payments: pays.map(r => paymentView(r.p, r.number)),
  }
}
