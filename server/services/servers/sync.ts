/**
 * Inventory sync: one account's upstream servers → our `servers` rows.
 *
 * Upserted by (account, upstream id), so owners and admin locks survive; a server missing
 * upstream gets `gone_at` (kept, never deleted); a server we did not know appears unassigned.
 * Each account's attempt, success and error land in `account_sync`, and one failing account
 * never stops the others.
 */
import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { accountSync, providerAccounts, servers, type ProviderAccount } from '#server/db/schema'
import type { BaseAdapter } from '#server/providers/base'
import { isProviderError } from '#server/providers/errors'
import type { ServerRecord } from '#server/providers/types'
import { adapterFor } from '../provider-accounts'
import { notifyAdmins } from '../notifications'

const int = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v))

function date(v: string | null | undefined): Date | null {
  if (!v) return null
  const d = new Date(v)
  return Number.isNaN(d.getTime()) ? null : d
}

function values(accountId: string, r: ServerRecord, at: Date) {
  return {
    accountId,
    upstreamId: String(r.upstreamId),
    name: r.name || r.hostname || String(r.upstreamId),
    hostname: r.hostname,
    status: r.status,
    rawStatus: r.rawStatus,
    ipv4: r.ipv4 ?? [],
    ipv6: r.ipv6 ?? [],
    os: r.os,
    vcpus: int(r.vcpus),
    memoryMb: int(r.memoryMb),
    diskGb: int(r.diskGb),
    region: r.region,
    plan: r.plan,
    upstreamCreatedAt: date(r.createdAt),
    extra: r.extra ?? null,
    goneAt: null,
    lastSyncedAt: at,
    updatedAt: at,
    // A full read clears an earlier mark; a stand-in (details unreadable) carries its reason.
    detailError: r.detailError ?? null,
    detailErrorAt: r.detailError ? at : null,
  }
}

const excluded = (col: string) => sql.raw(`excluded."${col}"`)

/**
 * Writes upstream records into the inventory. `ownerId` (a create) sets the owner on insert and
 * on update; a plain sync never touches owners. Returns the rows' ids by upstream id.
 */
/**
 * `readSince`: when the records were asked for. A row refreshed after that (an action's re-read
 * while a whole-account list was on its way) keeps its newer state instead of being put back
 * to what the slower list saw.
 */
export async function upsertRecords(accountId: string, records: ServerRecord[], opts: { ownerId?: string | null, at?: Date, readSince?: Date } = {}) {
  if (!records.length) return new Map<string, string>()
  const db = await useDb()
  const at = opts.at ?? new Date()
  const withOwner = opts.ownerId !== undefined
  // One statement cannot update a row twice: the last record of an id wins.
  const unique = [...new Map(records.map(r => [String(r.upstreamId), r])).values()]
  const rows = unique.map(r => ({ ...values(accountId, r, at), ...(withOwner ? { ownerId: opts.ownerId } : {}) }))
  const set: Record<string, unknown> = {}
  for (const [key, col] of [
    ['name', 'name'], ['hostname', 'hostname'], ['status', 'status'], ['rawStatus', 'raw_status'], ['ipv4', 'ipv4'],
    ['ipv6', 'ipv6'], ['os', 'os'], ['vcpus', 'vcpus'], ['memoryMb', 'memory_mb'], ['diskGb', 'disk_gb'], ['region', 'region'],
    ['plan', 'plan'], ['upstreamCreatedAt', 'upstream_created_at'], ['extra', 'extra'], ['goneAt', 'gone_at'],
    ['lastSyncedAt', 'last_synced_at'], ['updatedAt', 'updated_at'], ['detailError', 'detail_error'], ['detailErrorAt', 'detail_error_at'], ...(withOwner ? [['ownerId', 'owner_id']] : []),
  ] as [string, string][]) set[key] = excluded(col)
  // A record whose details could not be read this time is a stand-in: a known row keeps what
  // it had (only marked as seen, with why its details are missing), a new one is inserted as it is.
  const partial = new Set(unique.filter(r => r.detailError).map(r => String(r.upstreamId)))
  const full = rows.filter(r => !partial.has(r.upstreamId))
  const stand = rows.filter(r => partial.has(r.upstreamId))
  const setWhere = opts.readSince ? or(isNull(servers.lastSyncedAt), lt(servers.lastSyncedAt, opts.readSince)) : undefined
  const out = full.length
    ? await db.insert(servers).values(full).onConflictDoUpdate({ target: [servers.accountId, servers.upstreamId], set, setWhere })
        .returning({ id: servers.id, upstreamId: servers.upstreamId })
    : []
  if (stand.length) {
    out.push(...await db.insert(servers).values(stand).onConflictDoUpdate({ target: [servers.accountId, servers.upstreamId], set: { goneAt: excluded('gone_at'), lastSyncedAt: excluded('last_synced_at'), detailError: excluded('detail_error'), detailErrorAt: excluded('detail_error_at') }, setWhere })
      .returning({ id: servers.id, upstreamId: servers.upstreamId }))
  }
  return new Map(out.map(o => [o.upstreamId, o.id]))
}

export async function markGone(accountId: string, upstreamId: string) {
  const db = await useDb()
  const at = new Date()
  // Seen gone now: a read that began earlier (a sync's list, an install poll) must not revive it.
  await db.update(servers).set({ goneAt: at, updatedAt: at, lastSyncedAt: at })
    .where(and(eq(servers.accountId, accountId), eq(servers.upstreamId, upstreamId), isNull(servers.goneAt)))
}

/** Re-reads one server upstream into the inventory; a 404 upstream marks it gone. */
export async function refreshOne(account: ProviderAccount, upstreamId: string, adapter: BaseAdapter = adapterFor(account)): Promise<ServerRecord | null> {
  const readSince = new Date()
  try {
    const rec = await adapter.getServer(upstreamId)
    // A newer write (a delete marking it gone, an action's re-read) wins over this slower read.
    await upsertRecords(account.id, [rec], { readSince })
    return rec
  }
  catch (err) {
    if (isProviderError(err) && err.code === 'not_found') {
      await markGone(account.id, upstreamId)
      return null
    }
    throw err
  }
}

export interface SyncOutcome { accountId: string, slug: string, ok: boolean, count: number, error?: string, cause?: unknown }

const running = new Map<string, { startedAt: number, outcome: Promise<SyncOutcome> }>()

/**
 * Syncs one account; a sync already running for it is joined, not repeated. Never throws.
 * Only a sync of the same account version is joined: one that began with credentials or settings
 * since replaced (a wrong key being corrected) would answer for the old ones. With `notBefore`
 * (someone asked for a sync now), one that began earlier may have listed before their change:
 * it is let finish, and a new one answers.
 */
export function syncAccount(account: ProviderAccount, opts: { notBefore?: number } = {}): Promise<SyncOutcome> {
  const key = `${account.id}@${account.updatedAt.getTime()}`
  const current = running.get(key)
  if (current && (opts.notBefore === undefined || current.startedAt >= opts.notBefore)) return current.outcome
  const startedAt = Date.now()
  const outcome = (current ? current.outcome.then(() => undefined) : Promise.resolve())
    .then(() => runSync(account))
    .finally(() => { if (running.get(key)?.outcome === outcome) running.delete(key) })
  running.set(key, { startedAt, outcome })
  return outcome
}

/** The account's outcome is this sync's to write only while no later sync has begun. */
const latestAttempt = (accountId: string, startedAt: Date) =>
  and(eq(accountSync.accountId, accountId), lte(accountSync.lastAttemptAt, startedAt))

async function runSync(account: ProviderAccount): Promise<SyncOutcome> {
  const db = await useDb()
  const startedAt = new Date()
  await db.insert(accountSync).values({ accountId: account.id, lastAttemptAt: startedAt })
    .onConflictDoUpdate({ target: accountSync.accountId, set: { lastAttemptAt: startedAt } })
  try {
    const records = await adapterFor(account).listServers()
    const at = new Date()
    await upsertRecords(account.id, records, { at, readSince: startedAt })
    // Rows refreshed since this sync began (a create, an action) are not judged by its older list.
    await db.update(servers).set({ goneAt: at, updatedAt: at }).where(and(
      eq(servers.accountId, account.id),
      isNull(servers.goneAt),
      or(isNull(servers.lastSyncedAt), lt(servers.lastSyncedAt, startedAt)),
    ))
    await db.update(accountSync).set({ lastSuccessAt: at, lastError: null, serverCount: records.length }).where(latestAttempt(account.id, startedAt))
    return { accountId: account.id, slug: account.slug, ok: true, count: records.length }
  }
  catch (err) {
    const message = isProviderError(err) ? err.message : `Sync failed: ${(err as Error).message}`
    const written = await db.update(accountSync).set({ lastError: message }).where(latestAttempt(account.id, startedAt)).returning({ id: accountSync.accountId })
    // A later sync (corrected credentials) speaks for the account now: no alarm for this one.
    if (written.length) await notifyAdmins({ kind: 'sync_failing', params: { account: account.displayName, message }, link: '/servers', dedupeKey: `servers-sync:${account.id}` }).catch(() => {})
    return { accountId: account.id, slug: account.slug, ok: false, count: 0, error: message, cause: err }
  }
}

/** Syncs the given accounts (all by default) in parallel: the slowest provider sets the pace. */
export async function syncAccounts(opts: { ids?: string[], notBefore?: number } = {}): Promise<SyncOutcome[]> {
  const db = await useDb()
  const accounts = opts.ids
    ? (opts.ids.length ? await db.select().from(providerAccounts).where(inArray(providerAccounts.id, opts.ids)) : [])
    : await db.select().from(providerAccounts)
  return Promise.all(accounts.map(a => syncAccount(a, { notBefore: opts.notBefore })))
}

/**
 * Accounts the inventory has never tried to read, synced in parallel before a listing so a
 * fresh panel shows servers at once. Waits at most `capMs`; the syncs finish in the background.
 * True when there was none (nothing was started).
 */
export async function syncNeverSynced(capMs = 10_000): Promise<boolean> {
  const db = await useDb()
  const fresh = await db.select({ id: providerAccounts.id }).from(providerAccounts)
    .leftJoin(accountSync, eq(accountSync.accountId, providerAccounts.id))
    .where(isNull(accountSync.lastAttemptAt))
  if (!fresh.length) return true
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    syncAccounts({ ids: fresh.map(f => f.id) }),
    new Promise((r) => { timer = setTimeout(r, capMs) }),
  ])
  clearTimeout(timer)
  return false
}
