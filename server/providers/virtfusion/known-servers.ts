/**
 * What a VirtFusion sync already knows, per account (process memory): each server's last full
 * record, the list row's `updated` it was read at, and when its live hypervisor state was last
 * asked for. It lets a sync read in full only the servers whose row changed, and ask the
 * hypervisor (`remoteState`, a live round trip on a real panel) for a bounded few.
 */
import type { ServerRecord } from '../types'

/** `row` is the list row's signature (updated, commissioned, suspended, name) the record was read at. */
export interface KnownServer { row: string, record: ServerRecord, liveAt: number }

const accounts = new Map<string, Map<string, KnownServer>>()

export function knownServers(account: string): Map<string, KnownServer> {
  let m = accounts.get(account)
  if (!m) { m = new Map(); accounts.set(account, m) }
  return m
}

/** Live reads one sync may make: the rest keep their last live state until their turn. */
export const LIVE_READS_PER_SYNC = 25
/** A server whose row changed this recently is read live first. */
export const RECENT_CHANGE_MS = 10 * 60_000

export interface ListRow { id: string, updated: string | null, signature: string, live: boolean }

/** What of a list row says "this server changed": any of its fields, not only `updated`. */
export function rowSignature(r: Record<string, unknown>): string {
  return JSON.stringify([r.updated ?? null, r.commissioned ?? null, r.suspended ?? null, r.name ?? null, r.hypervisorId ?? null])
}

/**
 * Which servers to read in full, and which of them live. Changed or unknown servers are read;
 * live reads go first to servers changed recently (or never read live), then to those whose
 * live state is oldest, up to `budget`.
 */
export function planReads(rows: ListRow[], known: Map<string, KnownServer>, now: number, budget = LIVE_READS_PER_SYNC): { read: Set<string>, live: Set<string> } {
  const read = new Set<string>()
  for (const r of rows) {
    const k = known.get(r.id)
    if (!k || k.row !== r.signature) read.add(r.id)
  }
  const recent = (r: ListRow) => {
    const k = known.get(r.id)
    if (!k || k.liveAt === 0) return true
    const t = r.updated ? Date.parse(r.updated) : Number.NaN
    return Number.isFinite(t) && now - t < RECENT_CHANGE_MS
  }
  const candidates = rows.filter(r => r.live)
    .sort((a, b) => Number(recent(b)) - Number(recent(a)) || (known.get(a.id)?.liveAt ?? 0) - (known.get(b.id)?.liveAt ?? 0))
  const live = new Set(candidates.slice(0, budget).map(r => r.id))
  for (const id of live) read.add(id)
  return { read, live }
}
