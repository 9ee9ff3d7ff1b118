/**
 * Orders: a customer asks for a plan; a pg-boss job (`orders.provision`) provisions it.
 *
 * Placing an order is exactly-once (the engine's claim, see placeOrder); the create step buys
 * the server through the engine too. Customers only ever reach their own orders (others → 404).
 */
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { ORDER_STATUSES } from '#shared/schemas/orders'
import { useDb } from '#server/db/client'
import { intents, orders, plans, provisioningLogs, sshKeys, users, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { follow } from '../exactly-once/engine'
import { EO, requestHash } from '../exactly-once/keys'
import { claimIntent, findByKey, move, toStoredError } from '../exactly-once/store'
import { enqueue } from '#server/lib/jobs'
import { isProviderError } from '#server/providers/errors'
import { notifyAdmins } from '../notifications'
import { markGone } from '../servers/sync'
import { orderAdapter, orderCreateKey, type OrderProgress } from './order-adapter'
import { claimOrder, releaseOrder, saveOrder, type OrderRow } from './order-lease'
import { STEP_LABELS, stepTimeline, type StepName } from './order-steps'
import { loadPlan, supportsSshKeys } from './plans'
import { defaultTemplate, planTemplates } from './plan-mapping'
import { logStep } from './provisioning'
import { BILLING_CYCLES } from '#shared/schemas/invoices'
import { billOrder, cancelUnpaidOrder, checkStock, choosePrice, planPriceRows, provisionsBeforePayment } from '../invoicing/order-billing'
import { invoiceIssued } from '../invoicing/issued'
import type { InvoiceRow } from '../invoicing/invoices'

export const PROVISION_JOB = 'orders.provision'

const HOSTNAME_RE = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i

export const orderBodySchema = z.object({
  plan_id: z.string().uuid('plan_id is not a valid id'),
  template: z.string().trim().min(1).max(200).optional(),
  hostname: z.string().trim().toLowerCase().regex(HOSTNAME_RE, 'hostname must be a valid host name, such as web1.example.com'),
  ssh_key_ids: z.array(z.string().uuid('ssh_key_ids holds keychain ids')).max(10).default([]),
  cycle: z.enum(BILLING_CYCLES).optional().meta({ description: 'Billing cycle, for a plan with prices (default: its monthly price, else its first)' }),
}).strict()
export type OrderBody = z.infer<typeof orderBodySchema>

/** Jobs are sent with a bounded expiry: a worker that died gives its job back within minutes. */
export function sendProvisionJob(orderId: string, startAfterSeconds?: number) {
  return enqueue(PROVISION_JOB, { orderId }, { expireInSeconds: 600, retryLimit: 5, ...(startAfterSeconds ? { startAfter: startAfterSeconds } : {}) })
}

/**
 * Places an order, exactly once per Idempotency-Key (or per identical keyless request within a
 * minute): the engine's claim (services/exactly-once) decides who inserts the order; a repeat
 * answers with that order, the same key with another order is refused (422). Nothing upstream
 * is bought here: the create step does that through the engine.
 */
export async function placeOrder(user: User, body: OrderBody, idempotencyKey: string | null): Promise<{ created: boolean, order: ReturnType<typeof orderView> }> {
  const db = await useDb()
  const { plan, account } = await loadPlan(body.plan_id, { role: 'customer' })
    .catch((e) => { throw e?.statusCode === 404 ? httpError(404, 'No such plan, or it is no longer offered', 'plan_not_found') : e })
  const keyIds = [...new Set(body.ssh_key_ids)]
  const mapping = plan.mapping as Record<string, string>
  const template = body.template ?? defaultTemplate(account.type, mapping)
  const price = choosePrice(await planPriceRows(plan.id), body.cycle)
  const request = { plan_id: body.plan_id, template, hostname: body.hostname, ssh_key_ids: [...keyIds].sort(), cycle: body.cycle }
  const claim = await claimIntent({ kind: 'order.provision', userId: user.id, accountId: account.id, key: idempotencyKey, hash: requestHash(request), request })
  if (!claim.won) {
    const intent = await follow(claim.intent)
    const orderId = (intent.result as { order_id?: string } | null)?.order_id
    if (!orderId) throw EO.inProgress()
    return { created: false, order: await getOrderView(orderId, user) }
  }
  let created
  let invoice: InvoiceRow | undefined
  try {
    const templateName = await checkOrder(user, account, mapping, template ?? undefined, keyIds)
    created = await db.transaction(async (tx) => {
      await checkStock(tx, plan)
      // A priced plan is billed now; it provisions once paid, unless it may before.
      const startNow = !price || await provisionsBeforePayment(tx, plan, user)
      const [order] = await tx.insert(orders).values({
        customerId: user.id, planId: plan.id, hostname: body.hostname, template: template!, templateName, sshKeyIds: keyIds, idempotencyKey: claim.intent.idempotencyKey, status: startNow ? 'pending' : 'awaiting_payment',
      }).returning()
      if (price) invoice = await billOrder(tx, { orderId: order!.id, plan, customer: user, price, startNow })
      const [done] = await tx.update(intents).set({ state: 'succeeded', result: { order_id: order!.id, recorded: true }, updatedAt: new Date() })
        .where(and(eq(intents.id, claim.intent.id), eq(intents.state, 'pending'))).returning()
      if (!done) throw EO.inProgress()
      return order!
    })
  }
  catch (e) {
    // A refused order made nothing: not the key's answer, the same key may try again.
    await move(claim.intent, ['pending'], { state: 'failed', error: (e as Error).message, result: { error: toStoredError(e) } })
    throw e
  }
  if (created.status === 'pending') await sendProvisionJob(created.id)
  if (invoice) await invoiceIssued(invoice)
  await notifyAdmins({ kind: 'order_placed', params: { hostname: created.hostname, plan: plan.name, customer: user.name }, link: `/orders/${created.id}`, dedupeKey: `order-placed:${created.id}`, repeat: 'once' })
    .catch(e => console.error(`[orders] ${created.id}: the order_placed alert failed:`, (e as Error).message))
  return { created: true, order: await getOrderView(created.id, user) }
}

/** Refusals before an order exists: keys not in the keychain, a template the plan does not offer. */
async function checkOrder(user: User, account: Parameters<typeof orderAdapter>[0], mapping: Record<string, string>, template: string | undefined, keyIds: string[]): Promise<string | null> {
  const db = await useDb()
  if (keyIds.length) {
    if (!supportsSshKeys(account.type)) throw httpError(400, 'This plan cannot install SSH keys: order it without them and add them once the server runs', 'ssh_keys_not_supported')
    const own = await db.select({ id: sshKeys.id }).from(sshKeys).where(and(eq(sshKeys.userId, user.id), inArray(sshKeys.id, keyIds)))
    const missing = keyIds.filter(id => !own.some(k => k.id === id))
    if (missing.length) throw httpError(404, `No SSH key ${missing[0]} in your keychain`, 'ssh_key_not_found')
  }
  if (!template) throw httpError(400, 'Choose an operating system (template) for this plan', 'template_required')
  const templates = await planTemplates(orderAdapter(account, {}), account.type, mapping)
  const chosen = templates.find(t => String(t.id) === template)
  if (!chosen) throw httpError(400, `Template "${template}" is not offered with this plan`, 'invalid_template')
  // Kept with the order: the customer reads the system's name, never the upstream's template id.
  return chosen.name || null
}

// ---------- reading ----------

const iso = (d: Date | null) => (d ? d.toISOString() : null)

type Joined = { order: OrderRow, plan: { id: string, name: string, priceText: string | null }, customer: { id: string, name: string, email: string } }

export function orderView(r: Joined, logs: (typeof provisioningLogs.$inferSelect)[] | null, opts: { admin: boolean }) {
  const o = r.order
  const steps = logs ? stepTimeline(logs, { currentStep: o.currentStep, orderStatus: o.status }) : undefined
  const failedLabel = o.failedStep ? STEP_LABELS[o.failedStep as StepName] ?? o.failedStep : null
  return {
    id: o.id,
    status: o.status,
    plan: { id: r.plan.id, name: r.plan.name, price_text: r.plan.priceText },
    cycle: o.cycle,
    invoice_id: o.invoiceId,
    hostname: o.hostname,
    template: o.template,
    template_name: o.templateName,
    ssh_key_ids: o.sshKeyIds,
    current_step: o.currentStep,
    failed_step: o.failedStep,
    // Upstream reasons are for admins; a customer learns where it stopped and that it is handled.
    error: o.status !== 'failed' ? null : opts.admin ? o.error : `Stopped at "${failedLabel}". An administrator has been told and will finish it.`,
    // The customer's sentence as a code for pages that translate it (`order.error.<code>`, the step by name).
    error_code: o.status === 'failed' && !opts.admin ? 'stopped_at' : null,
    ...(o.status === 'failed' && !opts.admin ? { error_params: { step: o.failedStep ?? '' } } : {}),
    server_id: o.serverId,
    created_at: iso(o.createdAt),
    updated_at: iso(o.updatedAt),
    ...(steps ? { steps: opts.admin ? steps : steps.map(s => ({ ...s, message: null, message_code: null, message_params: null })) } : {}),
    ...(opts.admin
      ? {
          customer: r.customer,
          progress: o.progress,
          logs: logs?.map(l => ({ id: l.id, step: l.step, status: l.status, message: l.message, upstream_request_id: l.upstreamRequestId, details: l.details, at: iso(l.createdAt) })),
        }
      : {}),
  }
}

function scoped(user: Pick<User, 'id' | 'role'>, where?: SQL) {
  return user.role === 'admin' ? where : and(eq(orders.customerId, user.id), where)
}

async function joined(where?: SQL, limit = 200) {
  const db = await useDb()
  return db.select({
    order: orders,
    plan: { id: plans.id, name: plans.name, priceText: plans.priceText },
    customer: { id: users.id, name: users.name, email: users.email },
  }).from(orders)
    .innerJoin(plans, eq(plans.id, orders.planId))
    .innerJoin(users, eq(users.id, orders.customerId))
    .where(where).orderBy(desc(orders.createdAt)).limit(limit)
}

export const listQuerySchema = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  customer: z.string().uuid().optional(),
})

export async function listOrders(user: User, q: z.infer<typeof listQuerySchema>) {
  const conds: SQL[] = []
  if (q.status) conds.push(eq(orders.status, q.status))
  if (q.customer && user.role === 'admin') conds.push(eq(orders.customerId, q.customer))
  const rows = await joined(scoped(user, conds.length ? and(...conds) : undefined))
  return rows.map(r => orderView(r, null, { admin: user.role === 'admin' }))
}

async function loadOrder(id: string, user: Pick<User, 'id' | 'role'>) {
  const [r] = await joined(scoped(user, eq(orders.id, id)), 1)
  if (!r) throw httpError(404, 'No such order', 'order_not_found')
  return r
}

export async function getOrderView(id: string, user: Pick<User, 'id' | 'role'>) {
  const r = await loadOrder(id, user)
  const db = await useDb()
  const logs = await db.select().from(provisioningLogs).where(eq(provisioningLogs.orderId, id)).orderBy(provisioningLogs.id)
  return orderView(r, logs, { admin: user.role === 'admin' })
}

// ---------- retry and cancel ----------

const BUSY = () => httpError(409, 'The order is being worked on right now; try again in a few seconds', 'order_busy')

/** Admins: run a failed order again from its failed step (finished steps are kept). */
export async function retryOrder(id: string, admin: User) {
  const r = await loadOrder(id, admin)
  if (r.order.status !== 'failed') throw httpError(409, `Only failed orders can be retried; this one is ${r.order.status}`, 'order_not_failed')
  const claimed = await claimOrder(id, ['failed'], { takeFailed: true })
  if (!claimed) throw BUSY()
  const progress: OrderProgress = { ...(claimed.order.progress as OrderProgress) }
  const step = claimed.order.failedStep as StepName | null
  // The step starts afresh in the timeline; a create's intent stays, so it settles rather than repeats.
  if (step) progress.states = { ...progress.states, [step]: undefined }
  try {
    await saveOrder(claimed.lease, { status: 'pending', error: null, failedStep: null, progress })
  }
  finally { await releaseOrder(claimed.lease) }
  await sendProvisionJob(id)
  return getOrderView(id, admin)
}

/**
 * Cancels an order that is not complete and cleans up upstream: a server it created is deleted
 * (Inferno: its unpaid order cancelled). Customers may cancel their own pending or failed orders.
 */
export async function cancelOrder(id: string, user: User) {
  const r = await loadOrder(id, user)
  const status = r.order.status
  if (status === 'cancelled') return getOrderView(id, user)
  if (status === 'completed') throw httpError(409, 'A completed order cannot be cancelled: the server is yours; delete it instead', 'order_completed')
  if (user.role !== 'admin' && status === 'running') throw httpError(409, 'The order is being set up; it can be cancelled if it fails', 'order_running')
  if (status === 'awaiting_payment') {
    // Nothing was made upstream: the order ends and its unpaid invoice is voided.
    const done = await cancelUnpaidOrder(id)
    if (!done) throw BUSY()
    await logStep(id, 'cancel', 'succeeded', 'Cancelled before payment; nothing was created upstream', { text: { code: 'cancelled_unpaid' } })
    return getOrderView(id, user)
  }
  const claimed = await claimOrder(id, ['pending', 'running', 'failed'], { takeFailed: true })
  if (!claimed) throw BUSY()
  const { lease, order } = claimed
  try {
    const progress = { ...(order.progress as OrderProgress) }
    const db = await useDb()
    const [plan] = await db.select().from(plans).where(eq(plans.id, order.planId))
    const { account } = await loadPlan(plan!.id, { role: 'admin' })
    const adapter = orderAdapter(account, progress)
    // What the create step's intent settled on (by answer, evidence or an admin's review).
    const intent = await findByKey('order.create', order.customerId, orderCreateKey(order.id))
    const upstreamId = progress.create?.upstream_id ?? intent?.upstreamId ?? undefined
    let note = 'Nothing was created upstream'
    if (upstreamId) {
      const params = { id: upstreamId }
      await logStep(id, 'cancel', 'started', `Removing server ${upstreamId} upstream`, { text: { code: 'removing_upstream', params } })
      try {
        const res = await adapter.destroy(upstreamId, {})
        note = `Server ${upstreamId}: ${res.status}`
        await logStep(id, 'cancel', 'succeeded', note, { text: { code: 'removed_upstream', params: { ...params, status: res.status } } })
      }
      catch (e) {
        if (isProviderError(e) && e.code === 'not_found') {
          note = `Server ${upstreamId} was already gone upstream`
          await logStep(id, 'cancel', 'succeeded', note, { text: { code: 'already_gone', params } })
        }
        else if (isProviderError(e) && e.code === 'not_supported') {
          // The provider cannot delete it through its API: the order ends, a person removes the server.
          note = `${e.message}. Remove server ${upstreamId} at the provider by hand.`
          await logStep(id, 'cancel', 'failed', note, { details: { code: e.code }, text: { code: 'remove_by_hand', params: { ...params, reason: e.message } } })
          await notifyAdmins({ kind: 'cancel_left_upstream', params: { upstream_id: upstreamId, note }, link: `/orders/${id}` })
        }
        else {
          await logStep(id, 'cancel', 'failed', (e as Error).message, { upstreamRequestId: isProviderError(e) ? e.correlationId ?? null : null })
          throw e
        }
      }
      // If it made it into the inventory, it stays there for the record, marked gone.
      await markGone(account.id, upstreamId).catch(() => {})
    }
    else await logStep(id, 'cancel', 'succeeded', note, { text: { code: 'nothing_created' } })
    await saveOrder(lease, { status: 'cancelled', currentStep: null, error: order.error })
  }
  finally { await releaseOrder(lease) }
  return getOrderView(id, user)
}
