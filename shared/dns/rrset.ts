/**
 * Record sets (the records of one name AND type): the unit a provider writes. Shared by the
 * server (to apply a plan) and the record editor (to send its pending changes), so both turn
 * a plan into the same writes.
 */
import { normalizeRecord, recordKey, rrsetKey } from './normalize'
import type { DnsPlan } from './plan'
import type { DnsRecord, DnsRecordType } from './types'

const fullKey = (r: DnsRecord, zone?: string) => `${recordKey(r, zone)}\u0000${r.ttl}`

/**
 * All records of one name and type share one TTL (RFC 2181 §5.2; providers store one TTL per
 * set). Where the desired zone mixes TTLs in a set, the TTL of the record written last (the
 * last one not already in `current` with that TTL) wins for the whole set, so the plan shows
 * its siblings changing instead of the provider doing it silently.
 */
export function harmonizeTtls(current: DnsRecord[], desired: DnsRecord[], zone?: string): DnsRecord[] {
  const existing = new Set(current.map(r => fullKey(r, zone)))
  const sets = new Map<string, DnsRecord[]>()
  for (const r of desired) {
    const k = rrsetKey(r, zone)
    const set = sets.get(k)
    if (set) set.push(r)
    else sets.set(k, [r])
  }
  const ttlFor = new Map<string, number>()
  for (const [k, records] of sets) {
    if (new Set(records.map(r => r.ttl)).size < 2) continue
    const fresh = records.filter(r => !existing.has(fullKey(r, zone)))
    ttlFor.set(k, (fresh.at(-1) ?? records[0]!).ttl)
  }
  if (ttlFor.size === 0) return desired
  return desired.map((r) => {
    const ttl = ttlFor.get(rrsetKey(r, zone))
    return ttl === undefined || ttl === r.ttl ? r : { ...r, ttl }
  })
}

export interface RrsetWrites {
  /** Whole sets to write with `overwrite` (each replaces the set of its name and type). */
  put: DnsRecord[]
  /** Sets the plan empties: delete by name and type. */
  delete: { name: string, type: DnsRecordType }[]
}

/**
 * The writes that turn the current zone into `desired` for the sets a plan touches: every
 * touched set is rewritten whole (canonical records, no ids) or deleted when nothing is left.
 * Sets the plan doesn't touch are not sent, so concurrent edits elsewhere survive.
 */
export function rrsetWrites(plan: DnsPlan, desired: DnsRecord[], zone?: string): RrsetWrites {
  const touched = new Map<string, { name: string, type: DnsRecordType }>()
  const touch = (r: DnsRecord) => {
    const n = normalizeRecord(r, zone)
    touched.set(rrsetKey(n, zone), { name: n.name, type: n.type })
  }
  plan.adds.forEach(touch)
  plan.deletes.forEach(touch)
  for (const c of plan.changes) { touch(c.before); touch(c.after) }

  const put: DnsRecord[] = []
  const remaining = new Set<string>()
  for (const r of desired) {
    const k = rrsetKey(r, zone)
    if (!touched.has(k)) continue
    remaining.add(k)
    const { id: _id, ...n } = normalizeRecord(r, zone)
    put.push(n)
  }
  const del = [...touched.entries()].filter(([k]) => !remaining.has(k)).map(([, v]) => v)
  return { put, delete: del }
}
