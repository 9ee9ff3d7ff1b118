/**
 * Diffing two versions of a zone, and producing the desired zone from the API's operations.
 *
 * Matching rule (planChanges):
 *  1. Records are compared in canonical form (normalize.ts) and keyed by
 *     name + type + content (+ priority for MX/SRV). Equal keys are the same record: with equal
 *     TTLs it is `unchanged`, otherwise a TTL-only `change`.
 *  2. What is left is paired within the same name + type: a leftover current record and a
 *     leftover desired record there are one `change` (new content and/or priority/TTL), preferring
 *     pairs with the same content (a priority edit), then in list order.
 *  3. Leftover current records are `deletes`, leftover desired records are `adds`.
 * Duplicates are matched one to one. `before` and deletes/unchanged are the current objects (with
 * their ids); `after` and adds are the desired objects.
 */
import { normalizeRecord, recordKey, rrsetKey } from './normalize'
import type { DnsRecord, DnsRecordType } from './types'

export interface DnsChange { before: DnsRecord, after: DnsRecord }

export interface DnsPlan {
  adds: DnsRecord[]
  changes: DnsChange[]
  deletes: DnsRecord[]
  unchanged: DnsRecord[]
}

export interface PlanOptions {
  /** The zone, so "@" targets and absolute names compare equal to their other spellings. */
  zone?: string
}

interface Entry { record: DnsRecord, key: string, ttl: number, content: string, order: number }

function entries(records: DnsRecord[], zone: string | undefined): Entry[] {
  return records.map((record, order) => ({
    record,
    key: recordKey(record, zone),
    ttl: record.ttl,
    content: normalizeRecord(record, zone).content,
    order,
  }))
}

export function planChanges(current: DnsRecord[], desired: DnsRecord[], options: PlanOptions = {}): DnsPlan {
  const { zone } = options
  const plan: DnsPlan = { adds: [], changes: [], deletes: [], unchanged: [] }

  // 1. Same data on both sides.
  const byKey = new Map<string, Entry[]>()
  for (const e of entries(current, zone)) {
    const list = byKey.get(e.key)
    if (list) list.push(e)
    else byKey.set(e.key, [e])
  }
  // Exact matches (same TTL too) first, so duplicates with different TTLs pair up stably.
  const ttlDiffers: Entry[] = []
  for (const d of entries(desired, zone)) {
    const pool = byKey.get(d.key) ?? []
    const at = pool.findIndex(c => c.ttl === d.ttl)
    if (at >= 0) plan.unchanged.push(pool.splice(at, 1)[0].record)
    else ttlDiffers.push(d)
  }
  const leftDesired: Entry[] = []
  for (const d of ttlDiffers) {
    const c = byKey.get(d.key)?.shift()
    if (c) plan.changes.push({ before: c.record, after: d.record })
    else leftDesired.push(d)
  }
  const leftCurrent = [...byKey.values()].flat().sort((a, b) => a.order - b.order)

  // 2. Edits within the same name + type.
  const currentBySet = new Map<string, Entry[]>()
  for (const c of leftCurrent) {
    const k = rrsetKey(c.record, zone)
    const list = currentBySet.get(k)
    if (list) list.push(c)
    else currentBySet.set(k, [c])
  }
  const unpaired: Entry[] = []
  for (const pass of ['same content', 'any'] as const) {
    const next = pass === 'same content' ? leftDesired : unpaired.splice(0)
    for (const d of next) {
      const pool = currentBySet.get(rrsetKey(d.record, zone)) ?? []
      const at = pass === 'same content' ? pool.findIndex(c => c.content === d.content) : (pool.length > 0 ? 0 : -1)
      if (at < 0) { unpaired.push(d); continue }
      const [c] = pool.splice(at, 1)
      plan.changes.push({ before: c.record, after: d.record })
    }
  }

  // 3. The rest.
  plan.adds = unpaired.sort((a, b) => a.order - b.order).map(d => d.record)
  plan.deletes = [...currentBySet.values()].flat().sort((a, b) => a.order - b.order).map(c => c.record)
  return plan
}

export function isEmptyPlan(plan: DnsPlan): boolean {
  return plan.adds.length === 0 && plan.changes.length === 0 && plan.deletes.length === 0
}

/** The exact identity of a record including its TTL, to find a plan's `before` in a zone. */
function fullKey(record: DnsRecord, zone: string | undefined): string {
  return `${recordKey(record, zone)}\u0000${record.ttl}`
}

/**
 * The zone after a plan: deleted records removed, changed ones replaced in place, adds appended.
 * Throws when a deleted or changed record isn't in `current` (the zone changed since the plan
 * was made: plan again rather than apply a stale plan).
 */
export function applyPlan(current: DnsRecord[], plan: DnsPlan, options: PlanOptions = {}): DnsRecord[] {
  const { zone } = options
  const pending = new Map<string, (DnsRecord | null)[]>()
  const expect = (before: DnsRecord, after: DnsRecord | null) => {
    const k = fullKey(before, zone)
    const list = pending.get(k)
    if (list) list.push(after)
    else pending.set(k, [after])
  }
  for (const d of plan.deletes) expect(d, null)
  for (const c of plan.changes) expect(c.before, c.after)

  const out: DnsRecord[] = []
  for (const r of current) {
    const queue = pending.get(fullKey(r, zone))
    if (!queue || queue.length === 0) { out.push(r); continue }
    const replacement = queue.shift()
    if (replacement) out.push(replacement)
  }
  const missing = [...pending.values()].reduce((n, q) => n + q.length, 0)
  if (missing > 0) throw new Error(`The plan no longer matches the zone: ${missing} record(s) it changes or deletes are gone. Plan again.`)
  return [...out, ...plan.adds]
}

// ---------- the API's operations ----------

export type DnsOperation =
  /** POST: add one record, keeping everything else. */
  | { op: 'add', record: DnsRecord }
  /**
   * PUT: with `overwrite`, every existing record with the same name AND type as one of `records`
   * is replaced by the given ones (other names/types are untouched). Without it the records are
   * added, except that a record identical to an existing one (same name, type, content and
   * priority) replaces it (so only its TTL changes) instead of becoming a duplicate.
   */
  | { op: 'put', records: DnsRecord[], overwrite?: boolean }
  /** DELETE: every record with this name and type. */
  | { op: 'delete', name: string, type: DnsRecordType }

/** The zone the API's operations would produce: feed it to planChanges/validateZone. */
export function applyOperations(current: DnsRecord[], ops: DnsOperation | DnsOperation[], options: PlanOptions = {}): DnsRecord[] {
  const { zone } = options
  let zoneRecords = [...current]
  for (const op of Array.isArray(ops) ? ops : [ops]) {
    if (op.op === 'add') {
      zoneRecords.push(op.record)
    }
    else if (op.op === 'delete') {
      const k = rrsetKey(op, zone)
      zoneRecords = zoneRecords.filter(r => rrsetKey(r, zone) !== k)
    }
    else if (op.overwrite) {
      const replaced = new Set(op.records.map(r => rrsetKey(r, zone)))
      zoneRecords = [...zoneRecords.filter(r => !replaced.has(rrsetKey(r, zone))), ...op.records]
    }
    else {
      // Where each key first sits in the zone: one pass, then a lookup per record (was a
      // findIndex per record, quadratic on a 5,000-record merge).
      const firstAt = new Map<string, number>()
      zoneRecords.forEach((r, i) => { const k = recordKey(r, zone); if (!firstAt.has(k)) firstAt.set(k, i) })
      for (const record of op.records) {
        const k = recordKey(record, zone)
        const at = firstAt.get(k)
        if (at !== undefined) zoneRecords[at] = record
        else {
          firstAt.set(k, zoneRecords.length)
          zoneRecords.push(record)
        }
      }
    }
  }
  return zoneRecords
}

// ---------- safety and display ----------

/** octoDNS's safety rule: zones smaller than this are never "destructive". */
export const DESTRUCTIVE_MIN_ZONE_SIZE = 10
/** …and above this share of the zone changed or deleted, they are. */
export const DESTRUCTIVE_THRESHOLD = 0.3

/**
 * True when the plan deletes or changes more than 30% of a zone of at least 10 records, so the
 * UI/API should ask for an explicit confirmation. (octoDNS checks updates and deletes separately;
 * we count them together, which is stricter.) `zoneSize` defaults to the current zone's size.
 */
export function isDestructive(plan: DnsPlan, zoneSize = plan.unchanged.length + plan.changes.length + plan.deletes.length): boolean {
  if (zoneSize < DESTRUCTIVE_MIN_ZONE_SIZE) return false
  return (plan.deletes.length + plan.changes.length) / zoneSize > DESTRUCTIVE_THRESHOLD
}

/** One record on one line: "www 3600 MX 10 mail.example.com". */
export function formatRecord(record: DnsRecord): string {
  const priority = record.type === 'MX' || record.type === 'SRV' ? `${record.priority ?? ''} ` : ''
  return `${record.name} ${record.ttl} ${record.type} ${priority}${record.content}`
}

export interface PlanSummary {
  adds: number
  changes: number
  deletes: number
  unchanged: number
  /** "2 to add, 1 to change, 1 to delete (10 unchanged)" or "No changes". */
  text: string
  /** One line per add (+), change (~) and delete (-), for confirmation dialogs and the audit log. */
  lines: string[]
}

export function summarize(plan: DnsPlan): PlanSummary {
  const counts = { adds: plan.adds.length, changes: plan.changes.length, deletes: plan.deletes.length, unchanged: plan.unchanged.length }
  const parts: string[] = []
  if (counts.adds) parts.push(`${counts.adds} to add`)
  if (counts.changes) parts.push(`${counts.changes} to change`)
  if (counts.deletes) parts.push(`${counts.deletes} to delete`)
  const text = parts.length === 0 ? 'No changes' : `${parts.join(', ')} (${counts.unchanged} unchanged)`
  const lines = [
    ...plan.adds.map(r => `+ ${formatRecord(r)}`),
    ...plan.changes.map(c => `~ ${formatRecord(c.before)} → ${formatRecord(c.after)}`),
    ...plan.deletes.map(r => `- ${formatRecord(r)}`),
  ]
  return { ...counts, text, lines }
}
