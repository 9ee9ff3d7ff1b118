/**
 * Server create (the wizard's POST /api/servers and the seed's POST …/vms) through the
 * exactly-once engine (services/exactly-once): one intent per key (or per identical keyless
 * request), one upstream create, a lost answer settled by evidence only. Once settled, the
 * server is upserted into the inventory with its owner and, where the provider needs an install
 * step, the `servers.provision` job does it.
 */
import type { User } from '#server/db/schema'
import { adapterFor, getAccountById, requireAccount } from '../provider-accounts'
import type { CreateServerInput, ServerRecord } from '#server/providers/types'
import { getDefinition } from '#server/providers/registry'
import { audit } from '../audit'
import { execute } from '../exactly-once/engine'
import type { KindHandler } from '../exactly-once/kind'
import { parseIdempotencyKey } from '../exactly-once/keys'
import type { Intent } from '../exactly-once/store'
import { loadById } from './inventory'
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
  account_type: string
  upstream_ssh_key_ids?: string[]
}

export interface CreateOutcome {
  /** True for the request that made the call; false for a repeat. */
  first: boolean
  intent: Intent
  row: InventoryRow | null
}

export async function createServerOnce(user: User, key: string | undefined, req: CreateRequest): Promise<CreateOutcome> {
  const idempotencyKey = parseIdempotencyKey(key)
  const account = await requireAccount(req.account)
  const owner = req.owner_id === undefined ? user.id : req.owner_id === null ? null : await requireOwner(req.owner_id)
  const { password, ...rest } = req
  const stored: StoredRequest = { ...rest, password_set: !!password, owner, account_type: account.type }
  const adapter = adapterFor(account)
  const out = await execute({
    kind: 'server.create',
    handler: serverCreateKind,
    userId: user.id,
    accountId: account.id,
    key: idempotencyKey,
    identity: { ...req, owner },
    request: stored as unknown as Record<string, unknown>,
    // Pushing keys buys nothing: a failure here is a plain refusal.
    precheck: async () => {
      const pushed = await upstreamKeyIds(adapter, req.ssh_keys ?? [])
      stored.upstream_ssh_key_ids = [...new Set([...(req.ssh_key_ids ?? []), ...pushed])]
      return { upstream_ssh_key_ids: stored.upstream_ssh_key_ids }
    },
    send: async (marker) => {
      const record = await adapter.createServer({ ...createInputOf(req, stored), marker })
      return { upstreamId: String(record.upstreamId), record }
    },
  })
  if (out.first && out.intent.upstreamId) {
    await audit({ userId: user.id, action: 'server.created', target: serverIdOf(out.intent) ?? undefined, details: { account: account.slug, upstream_id: out.intent.upstreamId, plan: req.plan, intent: out.intent.id } })
  }
  else if (out.first) {
    await audit({ userId: user.id, action: `server.create_${out.intent.state}`, target: account.slug, details: { intent: out.intent.id, hostname: req.hostname } })
  }
  const id = serverIdOf(out.intent)
  return { first: out.first, intent: out.intent, row: id ? (await loadById(id)) ?? null : null }
}

const serverIdOf = (intent: Intent) => (intent.result as { server_id?: string } | null)?.server_id ?? null

export function createInputOf(req: Omit<CreateRequest, 'password'> & { password?: string }, stored: Pick<StoredRequest, 'upstream_ssh_key_ids'>): CreateServerInput {
  return {
    plan: req.plan,
    dataCenterId: req.data_center_id,
    template: req.template,
    password: req.password,
    hostname: req.hostname,
    sshKeyIds: stored.upstream_ssh_key_ids?.length ? stored.upstream_ssh_key_ids : undefined,
    paymentMethodId: req.payment_method_id,
    options: req.options,
  }
}

async function accountOf(intent: Intent) {
  const account = intent.accountId ? await getAccountById(intent.accountId) : undefined
  if (!account) throw new Error(`The provider account of intent ${intent.id} is gone`)
  return account
}

/**
 * Servers, as evidence sees them (shared by server creates and order creates). What a new server
 * carries of ours is the provider's `create_evidence` fact: our marker as its name, the requested
 * hostname (with the lock's set difference), or nothing (only the set difference counts).
 */
function serverEvidence(settledFn: KindHandler['settled'], followUp?: KindHandler['followUp']): KindHandler {
  return {
    async list(intent) {
      return adapterFor(await accountOf(intent)).listServerMarks()
    },
    names(intent, marker) {
      const r = intent.request as { account_type?: string, hostname?: string }
      const evidence = getDefinition(r.account_type ?? '')?.meta.facts.create_evidence ?? 'hostname'
      if (evidence === 'marker') return { names: [marker], uniqueMarker: marker }
      if (evidence === 'none') return { names: [], uniqueMarker: null }
      return { names: r.hostname ? [r.hostname] : [], uniqueMarker: null }
    },
    settled: settledFn,
    followUp,
    describe(intent) {
      const r = intent.request as { hostname?: string, plan?: string, account?: string }
      return `server ${r.hostname ?? ''} (plan ${r.plan ?? '?'})`
    },
  }
}

/** The provider's record of `upstreamId`: the create's answer, or the account's list. */
async function recordOf(intent: Intent, upstreamId: string, made?: unknown): Promise<ServerRecord | null> {
  if (made) return made as ServerRecord
  const all = await adapterFor(await accountOf(intent)).listServers()
  return all.find(s => String(s.upstreamId) === upstreamId) ?? null
}

export const serverCreateKind: KindHandler = serverEvidence(async (intent, upstreamId, made) => {
  const account = await accountOf(intent)
  const stored = intent.request as unknown as StoredRequest
  const record = await recordOf(intent, upstreamId, made)
  if (!record) return { upstream_id: upstreamId }
  // Until the provider names it (a server may carry our marker until its build), show the requested name.
  const marked = !record.name || record.name.startsWith('eo-')
  const named = { ...record, name: marked ? stored.hostname : record.name, hostname: record.hostname ?? stored.hostname }
  const ids = await upsertRecords(account.id, [named], { ownerId: stored.owner })
  const installed = !adapterFor(account).needsInstallStep
  return { server_id: ids.get(upstreamId)!, upstream_id: upstreamId, installed }
}, async (intent) => {
  const account = await accountOf(intent)
  if (adapterFor(account).needsInstallStep) await queueProvision(intent.id)
  await queueSync(account.id)
})

/** An order's create step: the order's own steps record the server, so nothing more here. */
export const orderCreateKind: KindHandler = serverEvidence(async (_intent, upstreamId) => ({ upstream_id: upstreamId }))
