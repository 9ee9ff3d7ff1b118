/**
 * The server an action is aimed at: its inventory row, its account and an adapter, found by our
 * id or (seed routes) by account slug and upstream id, with the caller's right to act checked.
 */
import { eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { providerAccounts, type ProviderAccount, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import type { BaseAdapter } from '#server/providers/base'
import { isProviderError, NotSupportedError } from '#server/providers/errors'
import { getDefinition } from '#server/providers/registry'
import type { CapabilityGroup } from '#server/providers/types'
import { adapterFor, requireAccount } from '../provider-accounts'
import { findByUpstream, loadById, loadServer } from './inventory'
import { ADMIN_ONLY, needsInstall, refusal, type LifecycleOperation } from './rules'
import { refreshOne } from './sync'
import type { InventoryRow } from './view'

export interface Target { row: InventoryRow, account: ProviderAccount, adapter: BaseAdapter }

async function accountById(id: string): Promise<ProviderAccount> {
  const db = await useDb()
  const [a] = await db.select().from(providerAccounts).where(eq(providerAccounts.id, id))
  if (!a) throw httpError(404, 'No such server', 'server_not_found')
  return a
}

export async function targetById(id: string, user: User): Promise<Target> {
  const row = await loadServer(id, user)
  const account = await accountById(row.account.id)
  return { row, account, adapter: adapterFor(account) }
}

/**
 * Seed routes name servers by their upstream id. An admin may reach one the inventory has not
 * seen yet (it is read upstream and added); a customer only one they own.
 */
export async function targetByUpstream(slug: string, upstreamId: string, user: User): Promise<Target> {
  const account = await requireAccount(slug)
  const adapter = adapterFor(account)
  let row = await findByUpstream(account.id, upstreamId)
  if (!row && user.role === 'admin') {
    await refreshOne(account, upstreamId, adapter)
    row = await findByUpstream(account.id, upstreamId)
  }
  if (!row || (user.role !== 'admin' && row.server.ownerId !== user.id)) throw httpError(404, `No server "${upstreamId}" on ${slug}`, 'server_not_found')
  return { row, account, adapter }
}

/** Re-reads the server upstream so state checks judge the present, not the last sync. */
export async function refreshTarget(t: Target): Promise<Target> {
  if (t.row.server.goneAt) return t
  try { await refreshOne(t.account, t.row.server.upstreamId, t.adapter) }
  catch (err) {
    // Reading failed (provider trouble): judge by what we know; the action itself will tell.
    if (!isProviderError(err)) throw err
  }
  return { ...t, row: (await loadById(t.row.server.id)) ?? t.row }
}

const GROUP: Record<LifecycleOperation, CapabilityGroup> = {
  'start': 'power', 'stop': 'power', 'restart': 'power', 'poweroff': 'power',
  'suspend': 'suspend', 'unsuspend': 'suspend', 'resize': 'resize', 'reinstall': 'reinstall',
  'destroy': 'destroy', 'root-password': 'servers',
}

const LABEL: Record<LifecycleOperation, string> = {
  'start': 'starting servers', 'stop': 'stopping servers', 'restart': 'restarting servers', 'poweroff': 'powering servers off',
  'suspend': 'suspending servers', 'unsuspend': 'unsuspending servers', 'resize': 'resizing servers',
  'reinstall': 'reinstalling servers', 'destroy': 'deleting servers', 'root-password': 'revealing the root password',
}

/** 403 (not allowed to), 501 (provider cannot), then 409 (not in this state). Returns the fresh target. */
export async function authorize(t: Target, op: LifecycleOperation, user: User): Promise<Target> {
  const isAdmin = user.role === 'admin'
  if (ADMIN_ONLY.has(op) && !isAdmin) throw httpError(403, 'Only administrators can do this', 'forbidden')
  const meta = getDefinition(t.account.type)!.meta
  const cap = meta.capabilities[GROUP[op]]
  if (!cap?.supported) throw new NotSupportedError(meta.displayName, LABEL[op], cap?.note)
  const fresh = await refreshTarget(t)
  const s = fresh.row.server
  const why = refusal({
    name: s.name,
    status: s.status,
    gone: s.goneAt !== null,
    adminLocked: s.adminLockedAt !== null,
    lockReason: s.adminLockReason,
    needsInstall: needsInstall(t.account.type, s.rawStatus),
  }, op, { isAdmin })
  if (why) throw httpError(409, why, 'invalid_state')
  return fresh
}
