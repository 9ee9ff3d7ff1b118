/**
 * Renewals, run daily (jobs/billing-renewals) or by an admin's "run billing now", always for a
 * given `now` so tests can move time:
 *
 *  1. invoice  — a subscription whose period ends within `invoice_days_before` days gets the next
 *                period's invoice, due when the period ends (a late run: `invoice_days_before`
 *                days after issuing; see renewal-dates.ts). A row in `renewals`, unique on
 *                (subscription, period start), is inserted in the invoice's own transaction:
 *                however often or concurrently the job runs, one invoice per period.
 *  2. overdue  — past its due date it is marked overdue and the customer reminded (once);
 *  3. suspend  — past due + `grace_days` the server is suspended (the provider's own suspension
 *                where it has one, else stopped and locked: services/portal/suspension);
 *  4. review   — `termination_review_days` after that, the admins are asked to terminate it;
 *                it is terminated on its own only when `auto_terminate` is on.
 *
 * A payment on the invoice (the invoicing service's paid hook → `renewalPaid`) extends the
 * subscription to the paid period and lifts a suspension. Every step notifies the customer
 * (in-app and e-mail) and is in the audit log. Suspension and its lifting hold one lock per
 * subscription, so a payment arriving mid-suspension is applied after it, not lost under it.
 */
import { and, asc, eq, inArray, isNull, lte, ne } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { invoices, renewals, subscriptions, users, type User } from '#server/db/schema'
import { withLock } from '#server/lib/locks'
import type { BillingRunView } from '#shared/schemas/payments'
import { formatMinor } from '#shared/billing/format'
import { audit } from '../audit'
import { emitAlert } from '../alerts/emit'
import { createDraft, issueDraft } from '../invoicing/invoices'
import { addCycle } from '../invoicing/order-billing'
import { autoPayFromCredit } from '../invoicing/payments'
import { suspendServer, unsuspendServer } from '../portal/suspension'
import { loadById } from '../servers/inventory'
import { renewalDueAt } from './renewal-dates'
import { renewalSettings } from './renewal-settings'

const DAY_MS = 86_400_000
type SubscriptionRow = typeof subscriptions.$inferSelect
type RenewalRow = typeof renewals.$inferSelect

/** Acts for the billing run where a service wants a user (suspension's answer view). */
const SYSTEM: User = { id: '00000000-0000-0000-0000-000000000000', role: 'admin' } as User
const day = (d: Date) => d.toISOString().slice(0, 10)

async function serverName(serverId: string | null): Promise<string> {
  if (!serverId) return '—'
  return (await loadById(serverId))?.server.name ?? '—'
}

/** `only.customerId` limits the run to one customer's subscriptions (tests; a targeted re-run). */
export async function runRenewals(now: Date = new Date(), only: { customerId?: string } = {}): Promise<BillingRunView> {
  const settings = await renewalSettings()
  const run: BillingRunView = { now: now.toISOString(), issued: 0, reminded: 0, suspended: 0, termination_review: 0, terminated: 0, failed: [] }
  const db = await useDb()
  const step = async (subscription: string, name: string, fn: () => Promise<void>) => {
    try { await fn() }
    catch (e) {
      run.failed.push({ subscription, step: name, message: (e as Error).message })
      console.error(`[billing] renewal ${name} for subscription ${subscription} failed:`, (e as Error).message)
    }
  }

  // 1. The next period's invoice, N days before this one ends.
  const horizon = new Date(now.getTime() + settings.invoice_days_before * DAY_MS)
  const due = await db.select().from(subscriptions)
    .where(and(ne(subscriptions.status, 'cancelled'), lte(subscriptions.currentPeriodEnd, horizon), only.customerId ? eq(subscriptions.customerId, only.customerId) : undefined))
    .orderBy(asc(subscriptions.currentPeriodEnd))
  for (const sub of due) await step(sub.id, 'invoice', async () => { if (await issueRenewal(sub, now, settings.invoice_days_before)) run.issued++ })

  // 2–4. Unpaid renewal invoices past their due date.
  const open = await db.select({ r: renewals, inv: invoices, sub: subscriptions }).from(renewals)
    .innerJoin(invoices, eq(invoices.id, renewals.invoiceId))
    .innerJoin(subscriptions, eq(subscriptions.id, renewals.subscriptionId))
    .where(and(inArray(renewals.state, ['open', 'suspended', 'review']), inArray(invoices.status, ['open', 'overdue']), lte(renewals.dueAt, now), only.customerId ? eq(subscriptions.customerId, only.customerId) : undefined))
  for (const { r, inv, sub } of open) {
    const graceEnd = new Date(r.dueAt.getTime() + settings.grace_days * DAY_MS)
    if (r.state === 'open' && !r.remindedAt) await step(sub.id, 'overdue', async () => { await markOverdue(r, inv, sub, graceEnd, now); run.reminded++ })
    if (r.state === 'open' && now >= graceEnd) await step(sub.id, 'suspend', async () => { if (await suspendForNonPayment(r.id, now)) run.suspended++ })
    const reviewDue = r.suspendedAt && now.getTime() >= r.suspendedAt.getTime() + settings.termination_review_days * DAY_MS
    if (reviewDue && r.state === 'suspended') await step(sub.id, 'review', async () => { if (await askTermination(r.id, now)) run.termination_review++ })
    if (reviewDue && settings.auto_terminate) await step(sub.id, 'terminate', async () => { if (await terminate(r.id, now)) run.terminated++ })
  }
  return run
}

/** The invoice for the period after the current one; false when that period has one already. */
async function issueRenewal(sub: SubscriptionRow, now: Date, daysBefore: number): Promise<boolean> {
  const db = await useDb()
  const start = sub.currentPeriodEnd
  const end = addCycle(start, sub.cycle)
  const dueAt = renewalDueAt(start, now, daysBefore)
  const name = await serverName(sub.serverId)
  const issued = await db.transaction(async (tx) => {
    const [claim] = await tx.insert(renewals).values({ subscriptionId: sub.id, periodStart: start, periodEnd: end, dueAt, state: 'open' })
      .onConflictDoNothing({ target: [renewals.subscriptionId, renewals.periodStart] }).returning()
    if (!claim) return null
    const draft = await createDraft(tx, {
      customerId: sub.customerId, currency: sub.currency, orderId: sub.orderId,
      lines: [{ description: `${name}: ${day(start)} – ${day(end)}`, unitMinor: sub.amountMinor, periodStart: start, periodEnd: end, serverId: sub.serverId, orderId: sub.orderId }],
    })
    const inv = await issueDraft(draft.id, tx)
    // A renewal is due when the paid period ends (renewal-dates.ts), not a payment term after issuing.
    const [dated] = await tx.update(invoices).set({ dueAt }).where(eq(invoices.id, inv.id)).returning()
    await tx.update(renewals).set({ invoiceId: inv.id }).where(eq(renewals.id, claim.id))
    return dated!
  })
  if (!issued) return false
  // Paid from the customer's credit when it covers it, as an order's invoice is; then no reminder.
  const paid = await autoPayFromCredit(issued).catch((e) => {
    console.error(`[billing] renewal invoice ${issued.id}: paying from credit failed:`, (e as Error).message)
    return false
  })
  const amount = formatMinor(issued.totalMinor, issued.currency, 'en')
  if (!paid) await emitAlert({
    kind: 'invoice_due', to: { users: [sub.customerId] }, link: `/invoices/${issued.id}`, invoiceId: issued.id, dedupeKey: `invoice_due:${issued.id}`, repeat: 'once',
    params: { number: issued.number ?? '', server: name, amount, due: day(dueAt), period_start: day(start), period_end: day(end) },
  })
  await audit({ userId: null, action: 'billing.renewal_invoiced', target: issued.id, details: { subscription: sub.id, number: issued.number, period_start: start.toISOString(), period_end: end.toISOString(), total_minor: issued.totalMinor, currency: issued.currency, now: now.toISOString() } })
  return true
}

async function markOverdue(r: RenewalRow, inv: typeof invoices.$inferSelect, sub: SubscriptionRow, graceEnd: Date, now: Date) {
  const db = await useDb()
  const [claimed] = await db.update(renewals).set({ remindedAt: now }).where(and(eq(renewals.id, r.id), isNull(renewals.remindedAt))).returning()
  if (!claimed) return
  await db.update(invoices).set({ status: 'overdue', updatedAt: now }).where(and(eq(invoices.id, inv.id), eq(invoices.status, 'open')))
  await emitAlert({
    kind: 'invoice_overdue', to: { users: [sub.customerId] }, link: `/invoices/${inv.id}`, invoiceId: inv.id, dedupeKey: `invoice_overdue:${inv.id}`, repeat: 'once',
    params: { number: inv.number ?? '', server: await serverName(sub.serverId), amount: formatMinor(inv.totalMinor - inv.paidMinor, inv.currency, 'en'), due: day(r.dueAt), suspend_on: day(graceEnd) },
  })
  await audit({ userId: null, action: 'billing.invoice_overdue', target: inv.id, details: { subscription: sub.id, number: inv.number, now: now.toISOString() } })
}

/** Loads a renewal with its invoice and subscription, fresh. */
async function loadRenewal(id: string) {
  const db = await useDb()
  const [row] = await db.select({ r: renewals, inv: invoices, sub: subscriptions }).from(renewals)
    .innerJoin(invoices, eq(invoices.id, renewals.invoiceId))
    .innerJoin(subscriptions, eq(subscriptions.id, renewals.subscriptionId))
    .where(eq(renewals.id, id))
  return row
}

async function suspendForNonPayment(renewalId: string, now: Date): Promise<boolean> {
  const first = await loadRenewal(renewalId)
  if (!first) return false
  return withLock(`billing-subscription:${first.sub.id}`, async () => {
    const row = await loadRenewal(renewalId)
    // Paid (or voided) while waiting for the lock: nothing to suspend.
    if (!row || row.r.state !== 'open' || !['open', 'overdue'].includes(row.inv.status)) return false
    const { r, inv, sub } = row
    const db = await useDb()
    const name = await serverName(sub.serverId)
    const amount = formatMinor(inv.totalMinor - inv.paidMinor, inv.currency, 'en')
    let method: string | null = null
    if (sub.serverId) {
      const reason = `Invoice ${inv.number} (${amount}) is unpaid`
      method = (await suspendServer(sub.serverId, reason, SYSTEM, { notify: false })).method
    }
    await db.update(renewals).set({ state: 'suspended', suspendedAt: now }).where(eq(renewals.id, r.id))
    await db.update(subscriptions).set({ status: 'suspended', updatedAt: now }).where(eq(subscriptions.id, sub.id))
    await db.update(invoices).set({ status: 'overdue', updatedAt: now }).where(and(eq(invoices.id, inv.id), eq(invoices.status, 'open')))
    await emitAlert({
      kind: 'service_suspended_unpaid', to: { users: [sub.customerId] }, link: `/invoices/${inv.id}`, dedupeKey: `service_suspended_unpaid:${inv.id}`, repeat: 'once',
      params: { number: inv.number ?? '', server: name, amount },
    })
    await audit({ userId: null, action: 'billing.service_suspended_unpaid', target: sub.serverId ?? sub.id, details: { subscription: sub.id, invoice: inv.id, number: inv.number, method, now: now.toISOString() } })
    return true
  })
}

async function askTermination(renewalId: string, now: Date): Promise<boolean> {
  const db = await useDb()
  const [claimed] = await db.update(renewals).set({ state: 'review', reviewAt: now }).where(and(eq(renewals.id, renewalId), eq(renewals.state, 'suspended'))).returning()
  if (!claimed) return false
  const row = await loadRenewal(renewalId)
  if (!row) return false
  const [customer] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, row.sub.customerId))
  await emitAlert({
    kind: 'termination_review', to: { admins: true }, link: row.sub.serverId ? `/servers/${row.sub.serverId}` : `/invoices/${row.inv.id}`, dedupeKey: `termination_review:${row.inv.id}`, repeat: 'once',
    params: { number: row.inv.number ?? '', server: await serverName(row.sub.serverId), customer: customer?.name || customer?.email || '—', amount: formatMinor(row.inv.totalMinor - row.inv.paidMinor, row.inv.currency, 'en'), due: day(row.r.dueAt), suspended: day(row.r.suspendedAt ?? now) },
  })
  await audit({ userId: null, action: 'billing.termination_review', target: row.sub.serverId ?? row.sub.id, details: { subscription: row.sub.id, invoice: row.inv.id, number: row.inv.number, now: now.toISOString() } })
  return true
}

/** Only with `auto_terminate` on: the subscription ends (the server itself is the admin's to delete). */
async function terminate(renewalId: string, now: Date): Promise<boolean> {
  const db = await useDb()
  const [claimed] = await db.update(renewals).set({ state: 'terminated', terminatedAt: now }).where(and(eq(renewals.id, renewalId), eq(renewals.state, 'review'))).returning()
  if (!claimed) return false
  const row = await loadRenewal(renewalId)
  if (!row) return false
  await db.update(subscriptions).set({ status: 'cancelled', updatedAt: now }).where(eq(subscriptions.id, row.sub.id))
  await audit({ userId: null, action: 'billing.subscription_terminated', target: row.sub.serverId ?? row.sub.id, details: { subscription: row.sub.id, invoice: row.inv.id, now: now.toISOString() } })
  return true
}

/**
 * The invoicing service's paid hook: a paid renewal invoice extends its subscription to the paid
 * period and lifts a suspension for non-payment.
 */
export async function renewalPaid(invoiceId: string, now: Date = new Date()): Promise<void> {
  const db = await useDb()
  const [first] = await db.select().from(renewals).where(eq(renewals.invoiceId, invoiceId))
  if (!first) return
  await withLock(`billing-subscription:${first.subscriptionId}`, async () => {
    const row = await loadRenewal(first.id)
    if (!row || row.r.state === 'paid' || row.r.state === 'terminated' || row.inv.status !== 'paid') return
    const { r, inv, sub } = row
    const wasSuspended = r.state === 'suspended' || r.state === 'review'
    await db.update(renewals).set({ state: 'paid', paidAt: now }).where(eq(renewals.id, r.id))
    // Never move a period backwards (a late payment for an older period after a newer one).
    const extend = r.periodEnd > sub.currentPeriodEnd
    await db.update(subscriptions).set({
      ...(extend ? { currentPeriodStart: r.periodStart, currentPeriodEnd: r.periodEnd, nextInvoiceAt: r.periodEnd } : {}),
      status: 'active', updatedAt: now,
    }).where(eq(subscriptions.id, sub.id))
    const name = await serverName(sub.serverId)
    await audit({ userId: null, action: 'billing.renewal_paid', target: inv.id, details: { subscription: sub.id, number: inv.number, period_end: r.periodEnd.toISOString() } })
    if (!wasSuspended) return
    if (sub.serverId) await unsuspendServer(sub.serverId, SYSTEM, { notify: false })
    await emitAlert({
      kind: 'service_unsuspended', to: { users: [sub.customerId] }, link: sub.serverId ? `/servers/${sub.serverId}` : `/invoices/${inv.id}`, dedupeKey: `service_unsuspended:${inv.id}`, repeat: 'once',
      params: { number: inv.number ?? '', server: name, period_end: day(r.periodEnd) },
    })
    await audit({ userId: null, action: 'billing.service_unsuspended', target: sub.serverId ?? sub.id, details: { subscription: sub.id, invoice: inv.id, number: inv.number } })
  })
}
