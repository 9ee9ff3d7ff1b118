/**
 * What each provisioning step does. A step reads the order's `progress`, does its upstream work,
 * and returns its outcome; the runner (provisioning.ts) logs it and stores the outputs. Every
 * step can be run again after a crash or a retry and settles what the last run left behind
 * instead of repeating it: the create step above all (one order, one upstream server).
 */
import { and, eq, inArray } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { sshKeys, type ProviderAccount, type User } from '#server/db/schema'
import type { BaseAdapter } from '#server/providers/base'
import { parsePublicKey } from '#shared/ssh'
import { notifyUser } from '../notifications'
import { upsertRecords } from '../servers/sync'
import { needsInstall, waitingForProvider } from '../servers/rules'
import { createInput, orderCreateKey, type OrderProgress } from './order-adapter'
import { execute } from '../exactly-once/engine'
import { orderCreateKind } from '../servers/create'
import type { OrderRow } from './order-lease'
import type { LogText, StepName } from './order-steps'
import type { PlanRow } from './plans'
import { env } from '#server/lib/config'

export interface StepContext {
  order: OrderRow
  plan: PlanRow
  account: ProviderAccount
  customer: User
  progress: OrderProgress
  /** Stores step outputs now (before an upstream call whose answer could be lost). */
  remember(step: StepName, patch: Record<string, unknown>): Promise<void>
  adapter(): BaseAdapter
}

export type StepOutcome =
  | { status: 'succeeded' | 'skipped', message: string, text?: LogText, details?: Record<string, unknown>, output?: Record<string, unknown>, upstreamRequestId?: string }
  /** Not ready yet: look again after `afterMs` (the step stays started; not logged). */
  | { status: 'waiting', message: string, afterMs: number }

/** A failure with a sentence meant for the admin reading the order, and its code for the page. */
export class StepError extends Error {
  constructor(message: string, readonly text?: LogText) { super(message) }
}

const mapping = (c: StepContext) => c.plan.mapping as Record<string, string>
const WAIT_RUNNING_MS = () => env().ORDERS_RUNNING_TIMEOUT_MS
const WAIT_PAYMENT_MS = () => env().ORDERS_PAYMENT_TIMEOUT_MS
const POLL_MS = () => env().ORDERS_POLL_MS

async function ensureUser(c: StepContext): Promise<StepOutcome> {
  const user = await c.adapter().ensureCustomerUser(mapping(c), c.customer)
  if (!user) return { status: 'skipped', message: 'This provider has no per-customer users', text: { code: 'no_customer_users' } }
  const output = { upstream_user_id: user.userId }
  const params = { user: user.userId }
  // A plan's fixed user is used as it is; a customer's own user was made or found just now.
  if (!user.created) return { status: 'skipped', message: user.message, text: { code: 'upstream_user_fixed', params }, output }
  return { status: 'succeeded', message: user.message, text: { code: 'upstream_user_ready', params }, output, details: output }
}

async function upstreamFingerprint(k: { fingerprint: string | null, public_key: string | null }) {
  if (k.fingerprint) return k.fingerprint
  if (!k.public_key) return null
  const parsed = await parsePublicKey(k.public_key)
  return parsed.ok ? parsed.key.fingerprint : null
}

async function pushSshKeys(c: StepContext): Promise<StepOutcome> {
  const wanted = c.order.sshKeyIds ?? []
  if (!wanted.length) return { status: 'skipped', message: 'No SSH keys were chosen', text: { code: 'no_keys_chosen' }, output: { upstream_ids: [] } }
  const adapter = c.adapter()
  if (!adapter.meta.capabilities.ssh_keys.supported) {
    return { status: 'skipped', message: `${adapter.meta.displayName} cannot take SSH keys`, text: { code: 'keys_unsupported', params: { provider: adapter.meta.displayName } }, output: { upstream_ids: [] } }
  }
  const db = await useDb()
  // Only the customer's own keys, read now: a key deleted since the order is left out.
  const rows = await db.select().from(sshKeys).where(and(eq(sshKeys.userId, c.customer.id), inArray(sshKeys.id, wanted)))
  const byId = new Map(rows.map(r => [r.id, r]))
  const present = new Map<string, string>()
  for (const k of await adapter.listSshKeys()) {
    const fp = await upstreamFingerprint(k)
    if (fp) present.set(fp, k.id)
  }
  const ids: string[] = []
  let added = 0
  for (const id of wanted) {
    const key = byId.get(id)
    if (!key) continue
    let upstreamId = present.get(key.fingerprint)
    if (!upstreamId) {
      // Account-wide key lists mix customers: the email tells an admin whose key it is.
      upstreamId = (await adapter.addSshKey({ name: `${key.name} (${c.customer.email})`.slice(0, 100), public_key: key.publicKey })).id
      present.set(key.fingerprint, upstreamId)
      added++
    }
    ids.push(upstreamId)
  }
  const missing = wanted.length - ids.length
  return {
    status: 'succeeded',
    message: `${ids.length} key${ids.length === 1 ? '' : 's'} ready (${added} added)${missing ? `; ${missing} no longer in the keychain` : ''}`,
    text: { code: missing ? 'keys_ready_missing' : 'keys_ready', params: { count: ids.length, added, missing } },
    output: { upstream_ids: ids },
    details: { upstream_ids: ids },
  }
}

/**
 * One upstream create per order, through the exactly-once engine: the intent (keyed by the
 * order) is claimed once; a run after a crash, a continuation or an admin's retry repeats the
 * key and gets the intent's state, never a second create. A lost answer waits while the engine
 * settles it by evidence; `needs_review` stops the order until an admin has decided.
 */
async function create(c: StepContext): Promise<StepOutcome> {
  const prev = c.progress.create ?? {}
  if (prev.upstream_id) return { status: 'succeeded', message: `Server ${prev.upstream_id} was already created`, text: { code: 'already_created', params: { id: prev.upstream_id } }, details: { upstream_id: prev.upstream_id } }
  const adapter = c.adapter()
  const input = createInput(adapter, mapping(c), c.order, c.progress)
  const { intent } = await execute({
    kind: 'order.create',
    handler: orderCreateKind,
    userId: c.customer.id,
    accountId: c.account.id,
    key: orderCreateKey(c.order.id),
    identity: { order: c.order.id },
    request: { order_id: c.order.id, hostname: c.order.hostname, plan: input.plan, account_type: c.account.type },
    send: async (marker) => {
      const rec = await adapter.createServer({ ...input, marker })
      return { upstreamId: String(rec.upstreamId), record: rec }
    },
  })
  if (intent.upstreamId && (intent.state === 'succeeded' || intent.state === 'reconciled')) {
    await c.remember('create', { upstream_id: intent.upstreamId })
    const found = intent.state === 'reconciled' ? (intent.evidence as { how?: string } | null)?.how ?? 'evidence' : null
    const how = found ? `The answer was lost; found (by ${found}) the created` : 'Created'
    const text: LogText = found ? { code: 'found_after_lost', params: { id: intent.upstreamId, how: found } } : { code: 'created', params: { id: intent.upstreamId } }
    return { status: 'succeeded', message: `${how} server ${intent.upstreamId}`, text, details: { upstream_id: intent.upstreamId, intent: intent.id } }
  }
  if (intent.state === 'needs_review') {
    throw new StepError(`The create's answer was lost and it could not be tied to one upstream server (intent ${intent.id}). Review it under Admin → Exactly-once review (attach the server, or mark that nothing was created), then retry.`, { code: 'create_needs_review', params: { intent: intent.id } })
  }
  // The upstream's own reason is kept as it came (no code): it names what the provider refused.
  if (intent.state === 'failed') throw new StepError(intent.error ?? 'The create failed', intent.error ? undefined : { code: 'create_failed' })
  return { status: 'waiting', message: `The create's outcome is being checked (intent ${intent.id} is ${intent.state})`, afterMs: POLL_MS() }
}

async function install(c: StepContext): Promise<StepOutcome> {
  const adapter = c.adapter()
  const id = c.progress.create!.upstream_id!
  const keys = c.progress.push_ssh_keys?.upstream_ids ?? []
  if (!adapter.needsInstallStep) {
    const r = await adapter.finishSetup(id, { sshKeyIds: keys })
    if (r) return { status: 'succeeded', message: `Installed with the setup; ${r.message ?? r.status}`, text: { code: 'installed_with_setup', params: { note: r.message ?? r.status } } }
    return { status: 'skipped', message: `${adapter.meta.displayName} installs the OS with the create`, text: { code: 'installs_with_create', params: { provider: adapter.meta.displayName } } }
  }
  const rec = await adapter.getServer(id)
  if (waitingForProvider(c.account.type, rec.rawStatus)) {
    const since = c.progress.install?.waiting_since ?? new Date().toISOString()
    if (!c.progress.install?.waiting_since) await c.remember('install', { waiting_since: since })
    if (Date.now() - Date.parse(since) > WAIT_PAYMENT_MS()) {
      const params = { provider: adapter.meta.displayName, id, status: rec.rawStatus, minutes: Math.round(WAIT_PAYMENT_MS() / 60_000) }
      throw new StepError(`${params.provider} order ${id} is still ${params.status} (unpaid) after ${params.minutes} min: top up the balance, then retry`, { code: 'unpaid_timeout', params })
    }
    return { status: 'waiting', message: `Waiting for ${adapter.meta.displayName} to accept payment for order ${id}`, afterMs: POLL_MS() }
  }
  // A previous attempt's install already took: do not queue a second one.
  if (c.progress.install?.started_at && !needsInstall(c.account.type, rec.rawStatus)) {
    return { status: 'succeeded', message: `The install already runs (${rec.rawStatus})`, text: { code: 'install_running', params: { status: rec.rawStatus } } }
  }
  await c.remember('install', { started_at: new Date().toISOString() })
  const r = await adapter.installServer(id, { template: c.order.template, hostname: c.order.hostname, sshKeyIds: keys })
  const text: LogText = r.message ? { code: 'install_queued_note', params: { status: r.status, note: r.message } } : { code: 'install_queued', params: { status: r.status } }
  return { status: 'succeeded', message: r.message ? `${r.status}: ${r.message}` : r.status, text }
}

async function waitRunning(c: StepContext): Promise<StepOutcome> {
  const adapter = c.adapter()
  const id = c.progress.create!.upstream_id!
  const since = c.progress.wait_running?.since ?? new Date().toISOString()
  if (!c.progress.wait_running?.since) await c.remember('wait_running', { since })
  const rec = await adapter.getServer(id)
  if (rec.status === 'running') {
    const ips = rec.ipv4.join(', ')
    const text: LogText = ips ? { code: 'running_at', params: { ips } } : { code: 'running' }
    return { status: 'succeeded', message: `Running${ips ? ` at ${ips}` : ''}`, text, details: { ipv4: rec.ipv4, raw_status: rec.rawStatus } }
  }
  if (rec.status === 'error') {
    const params = { provider: adapter.meta.displayName, id, status: rec.rawStatus }
    throw new StepError(`${params.provider} reports server ${id} as ${params.status}`, { code: 'server_error_status', params })
  }
  if (Date.now() - Date.parse(since) > WAIT_RUNNING_MS()) {
    const params = { id, status: rec.rawStatus, minutes: Math.round(WAIT_RUNNING_MS() / 60_000) }
    throw new StepError(`Server ${id} is still ${params.status} after ${params.minutes} min`, { code: 'running_timeout', params })
  }
  return { status: 'waiting', message: `Server ${id} is ${rec.rawStatus}`, afterMs: POLL_MS() }
}

async function assign(c: StepContext): Promise<StepOutcome> {
  const id = c.progress.create!.upstream_id!
  const rec = await c.adapter().getServer(id)
  const ids = await upsertRecords(c.account.id, [rec], { ownerId: c.customer.id })
  const serverId = ids.get(String(rec.upstreamId))
  if (!serverId) throw new StepError(`Server ${id} could not be written to the inventory`, { code: 'inventory_write_failed', params: { id } })
  return { status: 'succeeded', message: `Owned by ${c.customer.email}`, text: { code: 'owned_by', params: { email: c.customer.email } }, output: { server_id: serverId }, details: { server_id: serverId } }
}

async function notify(c: StepContext): Promise<StepOutcome> {
  const serverId = (c.progress.assign as { server_id?: string } | undefined)?.server_id ?? c.order.serverId
  await notifyUser(c.customer.id, {
    kind: 'order_ready',
    params: { hostname: c.order.hostname, plan: c.plan.name },
    link: serverId ? `/servers/${serverId}` : `/orders/${c.order.id}`,
    // A step run twice (crash between notify and done) still leaves one notice.
    dedupeKey: `order-ready:${c.order.id}`,
  })
  return { status: 'succeeded', message: 'Customer notified', text: { code: 'customer_notified' } }
}

export const STEP_RUNNERS: Record<StepName, (c: StepContext) => Promise<StepOutcome>> = {
  ensure_user: ensureUser,
  push_ssh_keys: pushSshKeys,
  create,
  install,
  wait_running: waitRunning,
  assign,
  notify,
}
