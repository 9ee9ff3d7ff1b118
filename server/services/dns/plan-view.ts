/** Plans and validation problems as the API shows them. */
import { isDestructive, summarize, type DnsPlan } from '#shared/dns/plan'
import type { DnsRecord } from '#shared/dns/types'
import { validateRecord, validateZone } from '#shared/dns/validate'
import { httpError } from '#server/lib/http-errors'
import type { PlanView } from '#shared/schemas/dns'

export type { PlanView }

export function planView(plan: DnsPlan, zoneSize: number): PlanView {
  return {
    adds: plan.adds,
    changes: plan.changes,
    deletes: plan.deletes,
    unchanged: plan.unchanged.length,
    zone_size: zoneSize,
    summary: summarize(plan).text,
  }
}

export function destructive(plan: DnsPlan, zoneSize: number) {
  return isDestructive(plan, zoneSize)
}

/** 409 `unsafe_change` with the plan: what `force` would apply. */
export function unsafeChange(plan: DnsPlan, zoneSize: number) {
  const touched = plan.changes.length + plan.deletes.length
  const pct = Math.round((touched / zoneSize) * 100)
  return httpError(409,
    `This would delete or change ${touched} of the zone's ${zoneSize} records (${pct}%, more than 30% of a zone of 10 or more): check the plan, then send "force": true (or ?force=1) to apply it`,
    'unsafe_change', { plan: planView(plan, zoneSize), destructive: true })
}

export interface RecordProblem { index?: number, record: DnsRecord, field: string, message: string }

function describe(r: DnsRecord): string {
  const type = typeof r.type === 'string' && r.type ? r.type : 'record'
  return `${type} ${r.name === '@' ? '@' : `"${r.name}"`}`
}

export function invalidRecords(problems: RecordProblem[], what = 'Some records are not valid') {
  const shown = problems.slice(0, 3).map(p => `${p.index !== undefined ? `record ${p.index + 1} (${describe(p.record)})` : describe(p.record)}: ${p.message}`)
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''
  const message = problems.length === 1 ? shown[0]!.replace(/^./, c => c.toUpperCase()) : `${what}: ${shown.join('; ')}${more}`
  return httpError(400, message, 'invalid_records', { errors: problems })
}

/** Each record on its own, as sent (so names typed absolute get their own message). */
export function checkInput(records: DnsRecord[], zone: string): RecordProblem[] {
  const out: RecordProblem[] = []
  records.forEach((record, index) => {
    const res = validateRecord(record, { zone })
    if (!res.ok) for (const e of res.errors) out.push({ index, record, field: e.field, message: e.message })
  })
  return out
}

/**
 * The desired zone as a whole, reported only for the records the plan writes: a record the
 * provider already holds that our rules dislike must not block every other change.
 */
export function checkDesired(plan: DnsPlan, desired: DnsRecord[], zone: string): RecordProblem[] {
  const res = validateZone(desired, { zone })
  if (res.ok) return []
  const written = new Set<DnsRecord>([...plan.adds, ...plan.changes.map(c => c.after)])
  return res.errors.filter(e => written.has(desired[e.index]!)).map(e => ({ record: desired[e.index]!, field: e.field, message: e.message }))
}

/**
 * The seed's answer (`{ status: 'created' | 'updated' | … }`) plus the plan that was applied; a
 * dry run answers `{ status: 'planned', plan, destructive }` instead.
 */
export function answer(outcome: { status: string, plan: PlanView, destructive: boolean, snapshot_id?: string, note?: string }, seedStatus: string) {
  const note = outcome.note ? { note: outcome.note } : {}
  if (outcome.status === 'planned') return { status: 'planned', plan: outcome.plan, destructive: outcome.destructive, ...note }
  return {
    status: seedStatus,
    plan: outcome.plan,
    changed: outcome.status === 'applied',
    ...(outcome.snapshot_id ? { snapshot_id: outcome.snapshot_id } : {}),
    ...note,
  }
}
