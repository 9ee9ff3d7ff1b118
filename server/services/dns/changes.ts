/**
 * Every change to a zone goes the same way:
 *
 *   read the LIVE zone → desired zone → plan (adds / changes / deletes)
 *     → dry run? answer the plan
 *     → our checks (400 with one message per record) → the 30% rule (409 unless force)
 *     → the provider's validate endpoint → our snapshot → write the touched name+type sets
 *
 * Writes are whole name+type sets (`overwrite`), deletions first, so a CNAME can take the place
 * of an A record. Applying a plan and planning the same request again gives an empty plan.
 */
import { recordKey } from '#shared/dns/normalize'
import { isEmptyPlan, planChanges, type DnsPlan } from '#shared/dns/plan'
import { harmonizeTtls, rrsetWrites, type RrsetWrites } from '#shared/dns/rrset'
import type { DnsRecord } from '#shared/dns/types'
import { isProviderError, ProviderError } from '#server/providers/errors'
import { audit } from '../audit'
import { zoneLabel, type ZoneContext } from './access'
import { checkDesired, checkInput, destructive, invalidRecords, planView, unsafeChange, type PlanView } from './plan-view'
import { saveSnapshot } from './snapshots'
import { withLock } from '#server/lib/locks'

export interface ChangeOptions { dryRun: boolean, force: boolean }

export interface ChangeRequest extends ChangeOptions {
  /** Why, for the snapshot and the audit log ("Record added"). */
  reason: string
  action: string
  /** Records the client sent, checked one by one before anything else. */
  input?: DnsRecord[]
  /** The zone the request asks for, from the live one. May throw a refusal (duplicate, …). */
  desired: (current: DnsRecord[]) => DnsRecord[]
}

export interface ChangeOutcome {
  /** `planned`: dry run; `applied`: written; `unchanged`: nothing to write. */
  status: 'planned' | 'applied' | 'unchanged'
  plan: PlanView
  destructive: boolean
  snapshot_id?: string
}

// One change at a time per zone, across every app instance (a PostgreSQL advisory lock): two
// applies planned against the same live zone would each undo part of the other.
export function withZoneLock<T>(ctx: ZoneContext, fn: () => Promise<T>): Promise<T> {
  return withLock(`dns-zone:${ctx.account.id}:${ctx.domain}`, fn)
}

/** The provider's validate call, where it has one (a provider without one is simply not asked). */
async function validateUpstream(ctx: ZoneContext, records: DnsRecord[]) {
  if (!records.length) return
  try { await ctx.adapter.validateDnsRecords(ctx.domain, records, true) }
  catch (e) {
    if (isProviderError(e) && e.code === 'not_supported') return
    throw e
  }
}

/** Sets written at a name whose other set goes first (A → CNAME) are validated after that. */
function splitForValidation(writes: RrsetWrites) {
  const cleared = new Set(writes.delete.map(d => d.name))
  return {
    now: writes.put.filter(r => !cleared.has(r.name)),
    later: writes.put.filter(r => cleared.has(r.name)),
  }
}

async function write(ctx: ZoneContext, writes: RrsetWrites, later: DnsRecord[], snapshotId: string) {
  let deleted = false
  try {
    if (writes.delete.length) {
      await ctx.adapter.deleteDnsRecords(ctx.domain, writes.delete)
      deleted = true
    }
    await validateUpstream(ctx, later)
    // Every put set was validated above (`now` before the snapshot, `later` here): one validate per change.
    if (writes.put.length) await ctx.adapter.updateDnsRecords(ctx.domain, writes.put, true, { validated: true })
  }
  catch (e) {
    if (deleted && isProviderError(e)) {
      throw new ProviderError({
        provider: e.provider,
        code: e.code,
        statusCode: e.statusCode,
        upstreamStatus: e.upstreamStatus,
        correlationId: e.correlationId,
        message: `${e.message}. The zone was only partly changed (the deletions went through): restore snapshot ${snapshotId} from its history to undo them`,
      })
    }
    throw e
  }
}

export function planFor(current: DnsRecord[], desiredRaw: DnsRecord[], zone: string): { desired: DnsRecord[], plan: DnsPlan } {
  const desired = harmonizeTtls(current, desiredRaw, zone)
  return { desired, plan: planChanges(current, desired, { zone }) }
}

export async function changeZone(ctx: ZoneContext, req: ChangeRequest): Promise<ChangeOutcome> {
  const inputProblems = checkInput(req.input ?? [], ctx.domain)
  if (inputProblems.length) throw invalidRecords(inputProblems)

  return withZoneLock(ctx, async () => {
    const current = await ctx.adapter.getDnsZone(ctx.domain)
    const { desired, plan } = planFor(current, req.desired(current), ctx.domain)
    const problems = checkDesired(plan, desired, ctx.domain)
    if (problems.length) throw invalidRecords(problems, 'The zone would not be valid')

    const isDestructive = destructive(plan, current.length)
    const view = planView(plan, current.length)
    if (req.dryRun) return { status: 'planned', plan: view, destructive: isDestructive }
    if (isEmptyPlan(plan)) return { status: 'unchanged', plan: view, destructive: false }
    if (isDestructive && !req.force) throw unsafeChange(plan, current.length)

    const writes = rrsetWrites(plan, desired, ctx.domain)
    const { now, later } = splitForValidation(writes)
    await validateUpstream(ctx, now)
    const snapshotId = await saveSnapshot(ctx, current, req.reason)
    await write(ctx, writes, later, snapshotId)
    await audit({
      userId: ctx.user.id, action: req.action, target: zoneLabel(ctx),
      details: { reason: req.reason, adds: plan.adds.length, changes: plan.changes.length, deletes: plan.deletes.length, forced: isDestructive, snapshot: snapshotId },
    })
    return { status: 'applied', plan: view, destructive: isDestructive, snapshot_id: snapshotId }
  })
}

/** True when `record` (same name, type, content, priority) is already in `records`. */
export function hasRecord(records: DnsRecord[], record: DnsRecord, zone: string) {
  const key = recordKey(record, zone)
  return records.some(r => recordKey(r, zone) === key)
}
