/**
 * Runs an order's steps in order under its lease (order-lease.ts), logging each to
 * `provisioning_logs` and keeping each step's outputs in `orders.progress` so a later run
 * (continuation, retry, another instance after a crash) skips what is done.
 *
 * A step that has to wait (an unpaid Inferno order, a server still building) is polled briefly
 * in place, then handed back as a continuation so the job worker is not held for minutes.
 * A failing step leaves the order `failed` at that step with the reason; an admin retries it.
 */
import { eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { orders, plans, providerAccounts, provisioningLogs, users } from '#server/db/schema'
import { isProviderError } from '#server/providers/errors'
import { notifyAdmins, notifyUser } from '../notifications'
import { orderAdapter, type OrderProgress } from './order-adapter'
import { claimOrder, LeaseLost, releaseOrder, saveOrder, type Lease, type OrderRow } from './order-lease'
import { STEP_LABELS, STEPS, type LogText, type StepName } from './order-steps'
import { STEP_RUNNERS, StepError, type StepContext } from './provisioning-steps'
import { env } from '#server/lib/config'
import { linkSubscriptionServer } from '../invoicing/order-billing'

export type RunResult =
  | { state: 'completed' | 'failed' | 'busy' | 'nothing' }
  | { state: 'waiting', afterMs: number }

/** How long one run keeps polling a waiting step before handing it to a continuation job. */
const IN_PLACE_WAIT_MS = () => env().ORDERS_IN_PLACE_WAIT_MS
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

/**
 * One log line. `text` is the sentence's code and specifics, kept in `details` as `message_code`
 * and `message_params` (the order page translates them; `details.code` is a provider's error code).
 */
export async function logStep(orderId: string, step: string, status: 'started' | 'succeeded' | 'failed' | 'skipped', message: string | null, extra: { upstreamRequestId?: string | null, details?: Record<string, unknown>, text?: LogText } = {}) {
  const db = await useDb()
  const text = extra.text ? { message_code: extra.text.code, message_params: extra.text.params ?? {} } : {}
  const details = extra.details || extra.text ? { ...extra.details, ...text } : null
  await db.insert(provisioningLogs).values({ orderId, step, status, message, upstreamRequestId: extra.upstreamRequestId ?? null, details })
}

function isDone(progress: OrderProgress, step: StepName) {
  const s = progress.states?.[step]
  return s === 'succeeded' || s === 'skipped'
}

function setState(progress: OrderProgress, step: StepName, state: 'started' | 'succeeded' | 'skipped') {
  progress.states = { ...progress.states, [step]: state }
}

export async function runOrder(orderId: string): Promise<RunResult> {
  const claimed = await claimOrder(orderId)
  if (!claimed) {
    const status = await orderStatus(orderId)
    return { state: status === 'running' || status === 'pending' ? 'busy' : 'nothing' }
  }
  const { lease } = claimed
  try {
    return await runClaimed(lease, claimed.order)
  }
  catch (e) {
    if (e instanceof LeaseLost) return { state: 'busy' }
    throw e
  }
  finally {
    await releaseOrder(lease).catch(() => {})
  }
}

async function orderStatus(orderId: string) {
  const db = await useDb()
  const [o] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId))
  return o?.status
}

async function runClaimed(lease: Lease, first: OrderRow): Promise<RunResult> {
  const db = await useDb()
  let order = first
  const [plan] = await db.select().from(plans).where(eq(plans.id, order.planId))
  const [account] = plan ? await db.select().from(providerAccounts).where(eq(providerAccounts.id, plan.accountId)) : []
  const [customer] = await db.select().from(users).where(eq(users.id, order.customerId))
  const progress: OrderProgress = { ...(order.progress as OrderProgress) }

  const save = async (set: Partial<typeof orders.$inferInsert> = {}) => {
    order = await saveOrder(lease, { ...set, progress: { ...progress } })
  }
  if (!plan || !account || !customer) {
    await save({ status: 'failed', failedStep: order.currentStep ?? STEPS[0], error: 'The plan, its provider account or the customer no longer exists', currentStep: null })
    return { state: 'failed' }
  }

  const ctx: StepContext = {
    get order() { return order },
    plan,
    account,
    customer,
    progress,
    adapter: () => orderAdapter(account, progress),
    async remember(step, patch) {
      progress[step] = { ...(progress[step] as object ?? {}), ...patch }
      await save()
    },
  }

  const deadline = Date.now() + IN_PLACE_WAIT_MS()
  for (const step of STEPS) {
    if (isDone(progress, step)) continue
    if (order.currentStep !== step || progress.states?.[step] !== 'started') {
      setState(progress, step, 'started')
      await save({ status: 'running', currentStep: step, failedStep: null, error: null })
      await logStep(order.id, step, 'started', STEP_LABELS[step], { text: { code: 'step_started', params: { step } } })
    }
    else if (order.status !== 'running') await save({ status: 'running' })

    for (;;) {
      let outcome
      try {
        outcome = await STEP_RUNNERS[step](ctx)
      }
      catch (e) {
        if (e instanceof LeaseLost) throw e
        await failStep(order, step, e, save)
        return { state: 'failed' }
      }
      if (outcome.status === 'waiting') {
        await save()
        if (Date.now() + outcome.afterMs > deadline) return { state: 'waiting', afterMs: Math.max(outcome.afterMs, 2000) }
        await sleep(outcome.afterMs)
        continue
      }
      if (outcome.output) progress[step] = { ...(progress[step] as object ?? {}), ...outcome.output }
      setState(progress, step, outcome.status)
      const set: Partial<typeof orders.$inferInsert> = {}
      if (step === 'assign' && outcome.output?.server_id) set.serverId = outcome.output.server_id as string
      if (step === 'notify') Object.assign(set, { status: 'completed', currentStep: null })
      await save(set)
      if (set.serverId) await linkSubscriptionServer(order.id, set.serverId)
      await logStep(order.id, step, outcome.status, outcome.message, { upstreamRequestId: outcome.upstreamRequestId, details: outcome.details, text: outcome.text })
      break
    }
  }
  return { state: 'completed' }
}

async function failStep(order: OrderRow, step: StepName, e: unknown, save: (set: Partial<typeof orders.$inferInsert>) => Promise<void>) {
  const message = e instanceof StepError || isProviderError(e) ? (e as Error).message : `Unexpected error: ${(e as Error)?.message ?? String(e)}`
  if (!(e instanceof StepError) && !isProviderError(e)) console.error(`[orders] ${order.id} step ${step}:`, e)
  const provider = isProviderError(e) ? e : undefined
  // A provider's reason stays its own words (no code); ours carry one.
  const text: LogText | undefined = e instanceof StepError ? e.text : provider ? undefined : { code: 'unexpected_error', params: { error: (e as Error)?.message ?? String(e) } }
  // Logged before the order reads as failed: a retry can start the moment it does.
  await logStep(order.id, step, 'failed', message, {
    upstreamRequestId: provider?.correlationId ?? null,
    details: provider ? { code: provider.code, upstream_status: provider.upstreamStatus ?? null, provider: provider.provider } : undefined,
    text,
  })
  await save({ status: 'failed', failedStep: step, error: message })
  await notifyAdmins({
    kind: 'provisioning_failed',
    params: { hostname: order.hostname, message: `${STEP_LABELS[step]}: ${message}` },
    link: `/orders/${order.id}`,
    dedupeKey: `order-failed:${order.id}`,
  }).catch(() => {})
  await notifyUser(order.customerId, {
    kind: 'order_delayed',
    params: { hostname: order.hostname },
    webhook: false,
    link: `/orders/${order.id}`,
    dedupeKey: `order-failed:${order.id}`,
  }).catch(() => {})
}
