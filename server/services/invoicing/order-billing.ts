/**
 * Orders and invoices: a plan with prices is billed when ordered (the cycle's price and setup
 * fee on one issued invoice); provisioning waits for payment unless the plan is "pay later" or
 * the customer has credit terms. Each order gets its service period (`subscriptions`), the
 * record renewals invoice from.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import type { plans, User } from '#server/db/schema'
import { invoices, orders, planPrices, subscriptions, users } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import type { BillingCycle } from '#shared/schemas/invoices'
import { sendProvisionJob } from '../portal/orders'
import { createDraft, issueDraft, type InvoiceRow, type LineInput, type Tx } from './invoices'

type PlanRow = typeof plans.$inferSelect
type PriceRow = typeof planPrices.$inferSelect

const MONTHS: Record<BillingCycle, number> = { monthly: 1, quarterly: 3, yearly: 12 }
/** Renewal invoices go out this many days before a period ends. */
export const RENEWAL_LEAD_DAYS = 7

export function addCycle(d: Date, cycle: BillingCycle) {
  const r = new Date(d)
  const day = r.getUTCDate()
  r.setUTCMonth(r.getUTCMonth() + MONTHS[cycle], 1)
  // The 31st plus a month is the last day of the shorter month, not the 1st after it.
  const last = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)).getUTCDate()
  r.setUTCDate(Math.min(day, last))
  return r
}

export async function planPriceRows(planId: string) {
  const db = await useDb()
  return db.select().from(planPrices).where(eq(planPrices.planId, planId))
}

/** The price the order pays: the chosen cycle's, or the plan's first (monthly first) when none is chosen. */
export function choosePrice(prices: PriceRow[], cycle: BillingCycle | undefined): PriceRow | null {
  if (!prices.length) {
    if (cycle) throw httpError(400, 'This plan has no prices to choose a billing cycle from', 'invalid_cycle')
    return null
  }
  const order: BillingCycle[] = ['monthly', 'quarterly', 'yearly']
  const price = cycle ? prices.find(p => p.cycle === cycle) : [...prices].sort((a, b) => order.indexOf(a.cycle) - order.indexOf(b.cycle))[0]
  if (!price) throw httpError(400, `This plan is not sold ${cycle}`, 'invalid_cycle')
  return price
}

/** Refuses an order over the plan's stock limit (live orders: not cancelled or failed), under a per-plan lock. */
export async function checkStock(tx: Tx, plan: PlanRow) {
  if (plan.stockLimit === null) return
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`plan-stock:${plan.id}`}))`)
  const [r] = await tx.select({ n: sql<string>`count(*)` }).from(orders).where(and(eq(orders.planId, plan.id), inArray(orders.status, ['awaiting_payment', 'pending', 'running', 'completed'])))
  if (Number(r?.n ?? 0) >= plan.stockLimit) throw httpError(409, 'This plan is sold out for now', 'plan_out_of_stock')
}

/** Whether the order may provision before its invoice is paid (credit terms read afresh: an admin may just have set them). */
export async function provisionsBeforePayment(tx: Tx, plan: PlanRow, customer: User) {
  if (plan.payLater) return true
  const [u] = await tx.select({ creditTerms: users.creditTerms }).from(users).where(eq(users.id, customer.id))
  return u?.creditTerms ?? customer.creditTerms
}

/** Bills a just-inserted order in its transaction: the issued invoice, and the service period when it starts now. */
export async function billOrder(tx: Tx, a: { orderId: string, plan: PlanRow, customer: User, price: PriceRow, startNow: boolean }): Promise<InvoiceRow> {
  const now = new Date()
  const end = addCycle(now, a.price.cycle)
  const lines: LineInput[] = [{ description: `${a.plan.name} (${a.price.cycle})`, unitMinor: a.price.amountMinor, periodStart: now, periodEnd: end, orderId: a.orderId }]
  if (a.price.setupFeeMinor > 0) lines.push({ description: `${a.plan.name}: setup`, unitMinor: a.price.setupFeeMinor, orderId: a.orderId })
  const draft = await createDraft(tx, { customerId: a.customer.id, currency: a.price.currency, orderId: a.orderId, lines })
  const invoice = await issueDraft(draft.id, tx)
  await tx.update(orders).set({ invoiceId: invoice.id, cycle: a.price.cycle }).where(eq(orders.id, a.orderId))
  if (a.startNow) await startPeriod(tx, a.orderId, now)
  return invoice
}

/** The order's service period from `start` (once per order). */
async function startPeriod(tx: Tx, orderId: string, start: Date) {
  const [o] = await tx.select().from(orders).where(eq(orders.id, orderId))
  if (!o?.cycle || !o.invoiceId) return
  const [price] = await tx.select().from(planPrices).where(and(eq(planPrices.planId, o.planId), eq(planPrices.cycle, o.cycle)))
  if (!price) return
  const end = addCycle(start, o.cycle)
  await tx.insert(subscriptions).values({
    orderId, customerId: o.customerId, planId: o.planId, serverId: o.serverId, cycle: o.cycle, amountMinor: price.amountMinor, currency: price.currency,
    currentPeriodStart: start, currentPeriodEnd: end, nextInvoiceAt: new Date(end.getTime() - RENEWAL_LEAD_DAYS * 86_400_000),
  }).onConflictDoNothing({ target: subscriptions.orderId })
}

/** In the paying transaction: orders waiting for this invoice move to `pending` (once: a conditional update) and get their period. */
export async function startPaidOrders(tx: Tx, invoice: InvoiceRow): Promise<string[]> {
  const started = await tx.update(orders).set({ status: 'pending', updatedAt: new Date() })
    .where(and(eq(orders.invoiceId, invoice.id), eq(orders.status, 'awaiting_payment'))).returning({ id: orders.id })
  for (const o of started) await startPeriod(tx, o.id, new Date())
  return started.map(o => o.id)
}

/** After the commit: provision them (a lost send is picked up by the orphaned-orders sweep). */
export async function enqueueStartedOrders(ids: string[]) {
  for (const id of ids) await sendProvisionJob(id).catch(e => console.error(`[invoices] order ${id}: could not enqueue provisioning:`, (e as Error).message))
}

/** Once provisioned, the service period knows its server. */
export async function linkSubscriptionServer(orderId: string, serverId: string) {
  const db = await useDb()
  await db.update(subscriptions).set({ serverId, updatedAt: new Date() }).where(eq(subscriptions.orderId, orderId))
}

/**
 * Cancels an order still waiting for payment and voids its unpaid invoice; false when it is no
 * longer waiting. Refused while part of the invoice is paid (that money is refunded first).
 */
export async function cancelUnpaidOrder(orderId: string) {
  const db = await useDb()
  return db.transaction(async (tx) => {
    // The invoice is locked before the order, in the order a payment locks them: the two never
    // deadlock, and a payment that committed first is seen here.
    const [pre] = await tx.select({ invoiceId: orders.invoiceId }).from(orders).where(eq(orders.id, orderId))
    if (pre?.invoiceId) {
      const [inv] = await tx.select().from(invoices).where(eq(invoices.id, pre.invoiceId)).for('update')
      if (inv && inv.paidMinor > 0 && (inv.status === 'open' || inv.status === 'overdue')) {
        throw httpError(409, 'Part of this order\'s invoice is paid: refund the payment before cancelling the order', 'invoice_partly_paid')
      }
    }
    const [o] = await tx.update(orders).set({ status: 'cancelled', updatedAt: new Date() })
      .where(and(eq(orders.id, orderId), eq(orders.status, 'awaiting_payment'))).returning()
    if (!o) return false
    if (o.invoiceId) {
      await tx.update(invoices).set({ status: 'void', voidedAt: new Date(), updatedAt: new Date() })
        .where(and(eq(invoices.id, o.invoiceId), inArray(invoices.status, ['open', 'overdue']), eq(invoices.paidMinor, 0)))
    }
    return true
  })
}
