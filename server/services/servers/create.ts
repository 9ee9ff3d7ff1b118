/**
 * Exactly-once server create (the wizard's POST /api/servers and the seed's POST …/vms).
 *
 *   1. insert the intent (kind 'server.create', idempotency key, request hash): the unique index
 *      lets exactly one request through; a concurrent twin waits for that one's outcome;
 *   2. the winner calls adapter.createServer once (the HTTP client never retries a create);
 *   3. the result is stored and the server upserted into the inventory with its owner;
 *   4. where the provider needs an install step, the `servers.provision` job does it.
 * A create whose answer was lost (timeout, network, 5xx) is 'unknown' and is settled by looking
 * the server up (adapter.findCreatedServer), now and then in the job: never by creating again.
 */
import type { ProviderAccount, User } from '../../db/schema'
import { httpError } from '../../lib/http-errors'
import type { BaseAdapter } from '../../providers/base'
import { isProviderError } from '../../providers/errors'
import { getDefinition } from '../../providers/registry'
import type { CreateServerInput, ServerRecord } from '../../providers/types'
import { audit } from '../audit'
import { adapterFor, requireAccount } from '../provider-accounts'
import { loadById } from './inventory'
import { checkIdempotencyKey, claimIntent, type Intent, markStaleUnknown, requestHash, updateIntent, waitForIntent } from './intents'
import { requireOwner } from './ownership'
import { queueProvision, queueSync } from './queue'
import { upstreamKeyIds, type PublicKeyInput } from './ssh-push'
import { upsertRecords } from './sync'
import type { InventoryRow } from './view'

export interface CreateRequest {
  account: string
  plan: string
  data_center_id?: string
  template?: string
  hostname: string
  password?: string
  /** Public keys, pushed to the provider when it lacks them. */
  ssh_keys?: PublicKeyInput[]
  /** Keys already at the provider (the seed's ssh_key_id). */
  ssh_key_ids?: string[]
  payment_method_id?: string
  options?: Record<string, unknown>
  /** Admins only: another owner, or null for none. Default: the requester. */
  owner_id?: string | null
}

/** What the intent keeps: the request without its password, plus what the job needs later. */
export interface StoredRequest extends Omit<CreateRequest, 'password'> {
  password_set: boolean
  owner: string | null
  upstream_ssh_key_ids?: string[]
  after_order_id?: string
}

export interface CreateOutcome {
  /** True for the request that made the call; false for a replay of the same key. */
  first: boolean
  intent: { id: string, state: Intent['state'] }
  row: InventoryRow | null
}

export async function createServerOnce(user: User, key: string | undefined, req: CreateRequest): Promise<CreateOutcome> {
  const idempotencyKey = checkIdempotencyKey(key)
  const account = await requireAccount(req.account)
  const owner = req.owner_id === undefined ? user.id : req.owner_id === null ? null : await requireOwner(req.owner_id)
  const { password, ...rest } = req
  const stored: StoredRequest = { ...rest, password_set: !!password, owner }
  const claim = await claimIntent({
    kind: 'server.create', key: idempotencyKey, userId: user.id, accountId: account.id,
    hash: requestHash({ ...req, owner }), request: stored as unknown as Record<string, unknown>,
  })
  if (!claim.won) return replay(claim.intent)
  const outcome = await attempt(claim.intent, account, req, stored, user)
  return { first: true, ...outcome }
}

async function replay(existing: Intent): Promise<CreateOutcome> {
  let intent = existing.state === 'pending' ? await waitForIntent(existing.id) : existing
  if (intent.state === 'pending' && await markStaleUnknown(intent.id)) {
    await queueProvision(intent.id)
    intent = (await waitForIntent(intent.id, 0))
  }
  if (intent.state === 'pending') throw httpError(409, 'A create with this Idempotency-Key is still running; ask again in a moment', 'create_in_progress')
  if (intent.state === 'failed') throw httpError(409, `The create with this Idempotency-Key failed: ${intent.error ?? 'unknown error'}`, 'create_failed')
  return { first: false, intent: { id: intent.id, state: intent.state }, row: await rowOf(intent) }
}

async function rowOf(intent: Intent): Promise<InventoryRow | null> {
  const id = (intent.result as { server_id?: string } | null)?.server_id
  return id ? (await loadById(id)) ?? null : null
}

/** A lost answer: the provider may or may not have made the server. */
export function outcomeUnknown(err: unknown): boolean {
  if (!isProviderError(err)) return false
  if (err.code === 'timeout' || err.code === 'network_error' || err.code === 'bad_response') return true
  return err.code === 'upstream_error' && (err.upstreamStatus ?? 500) >= 500
}

export function createInputOf(req: Omit<CreateRequest, 'password'> & { password?: string }, stored: StoredRequest): CreateServerInput {
  return {
    plan: req.plan,
    dataCenterId: req.data_center_id,
    template: req.template,
    password: req.password,
    hostname: req.hostname,
    sshKeyIds: stored.upstream_ssh_key_ids?.length ? stored.upstream_ssh_key_ids : undefined,
    paymentMethodId: req.payment_method_id,
    options: { ...req.options, ...(stored.after_order_id !== undefined ? { afterOrderId: stored.after_order_id } : {}) },
  }
}

/** Where the provider has orders, the newest one before our call narrows a lost create's look-up. */
async function newestOrderId(adapter: BaseAdapter, account: ProviderAccount): Promise<string | undefined> {
  if (!getDefinition(account.type)?.meta.capabilities.orders.supported) return undefined
  const orders = await adapter.listOrders()
  const max = Math.max(0, ...orders.map(o => Number(o.id)).filter(Number.isFinite))
  return String(max)
}

async function attempt(intent: Intent, account: ProviderAccount, req: CreateRequest, stored: StoredRequest, user: User) {
  const adapter = adapterFor(account)
  try {
    const pushed = await upstreamKeyIds(adapter, req.ssh_keys ?? [])
    stored.upstream_ssh_key_ids = [...new Set([...(req.ssh_key_ids ?? []), ...pushed])]
    stored.after_order_id = await newestOrderId(adapter, account)
    await updateIntent(intent.id, { request: stored as unknown as Record<string, unknown> })
  }
  catch (err) {
    await updateIntent(intent.id, { state: 'failed', error: (err as Error).message })
    throw err
  }
  const input = createInputOf(req, stored)
  let record: ServerRecord | null
  try {
    record = await adapter.createServer(input)
  }
  catch (err) {
    if (!outcomeUnknown(err)) {
      await updateIntent(intent.id, { state: 'failed', error: (err as Error).message })
      throw err
    }
    await updateIntent(intent.id, { state: 'unknown', error: (err as Error).message })
    record = await adapter.findCreatedServer(input).catch(() => null)
    if (!record) {
      await queueProvision(intent.id)
      await audit({ userId: user.id, action: 'server.create_unknown', target: account.slug, details: { intent: intent.id, hostname: req.hostname } })
      return { intent: { id: intent.id, state: 'unknown' as const }, row: null }
    }
  }
  const row = await settleCreated(intent, account, adapter, record, stored)
  await audit({ userId: user.id, action: 'server.created', target: row?.server.id, details: { account: account.slug, upstream_id: record.upstreamId, plan: req.plan, intent: intent.id } })
  return { intent: { id: intent.id, state: 'succeeded' as const }, row }
}

/** Records a server the create made (found directly or by look-up) and starts its install. */
export async function settleCreated(intent: Intent, account: ProviderAccount, adapter: BaseAdapter, record: ServerRecord, stored: StoredRequest) {
  // Until the provider names it (a VirtFusion server before its build), show the requested name.
  const named = { ...record, name: record.name || stored.hostname, hostname: record.hostname ?? stored.hostname }
  const ids = await upsertRecords(account.id, [named], { ownerId: stored.owner })
  const serverId = ids.get(String(record.upstreamId))!
  const installed = !adapter.needsInstallStep
  await updateIntent(intent.id, { state: 'succeeded', error: null, result: { server_id: serverId, upstream_id: String(record.upstreamId), installed } })
  if (!installed) await queueProvision(intent.id)
  await queueSync(account.id)
  return (await loadById(serverId)) ?? null
}
