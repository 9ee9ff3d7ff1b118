/**
 * The API's operations on one zone, each expressed as a desired zone for changeZone:
 *  - add: one record, keeping everything (a record that already exists is a 409);
 *  - put: `overwrite` replaces the records of the same name AND type as the ones sent (other
 *    names and types stay); without it the records are added; `delete` drops whole sets;
 *  - remove: every record of one name and type;
 *  - restore: the zone as a snapshot holds it;
 *  - reset: the provider's default zone (its records are only known once applied).
 */
import { normalizeRecord } from '#shared/dns/normalize'
import { applyOperations, planChanges, type DnsOperation } from '#shared/dns/plan'
import type { DnsRecord, DnsRecordType } from '#shared/dns/types'
import { audit } from '../audit'
import { zoneLabel, type ZoneContext } from './access'
import { changeZone, hasRecord, withZoneLock, type ChangeOptions, type ChangeOutcome } from './changes'
import { httpError } from '#server/lib/http-errors'
import { destructive, planView, unsafeChange, type PlanView } from './plan-view'
import { saveSnapshot, snapshotRecords } from './snapshots'

const canon = (records: DnsRecord[], zone: string) => records.map(r => normalizeRecord(r, zone))

export function addRecord(ctx: ZoneContext, record: DnsRecord, opts: ChangeOptions) {
  const r = normalizeRecord(record, ctx.domain)
  return changeZone(ctx, {
    ...opts, reason: `Add ${r.type} record at ${r.name}`, action: 'dns.record.add', input: [record],
    desired: (current) => {
      if (hasRecord(current, r, ctx.domain)) {
        throw httpError(409, `This ${r.type} record already exists at ${r.name === '@' ? '@ (the domain itself)' : `"${r.name}"`}: change its TTL with PUT instead`, 'duplicate_record')
      }
      return applyOperations(current, { op: 'add', record: r }, { zone: ctx.domain })
    },
  })
}

export interface PutInput { records: DnsRecord[], overwrite: boolean, delete: { name: string, type: DnsRecordType }[] }

export function putRecords(ctx: ZoneContext, input: PutInput, opts: ChangeOptions) {
  const records = canon(input.records, ctx.domain)
  const ops: DnsOperation[] = [
    ...input.delete.map(d => ({ op: 'delete' as const, name: d.name, type: d.type })),
    ...(records.length ? [{ op: 'put' as const, records, overwrite: input.overwrite }] : []),
  ]
  const what = [records.length && `${records.length} record${records.length === 1 ? '' : 's'}${input.overwrite ? ' (overwrite)' : ''}`, input.delete.length && `${input.delete.length} set${input.delete.length === 1 ? '' : 's'} deleted`].filter(Boolean).join(', ')
  return changeZone(ctx, {
    ...opts, reason: `Update: ${what}`, action: 'dns.records.update', input: input.records,
    desired: current => applyOperations(current, ops, { zone: ctx.domain }),
  })
}

export function removeRecords(ctx: ZoneContext, name: string, type: DnsRecordType, opts: ChangeOptions) {
  return changeZone(ctx, {
    ...opts, reason: `Delete ${type} records at ${name}`, action: 'dns.records.delete',
    desired: (current) => {
      const next = applyOperations(current, { op: 'delete', name, type }, { zone: ctx.domain })
      if (next.length === current.length) throw httpError(404, `There is no ${type} record at ${name} in ${ctx.domain}`, 'record_not_found')
      return next
    },
  })
}

/** Any snapshot, ours or the provider's, through a plan like every other change. */
export async function restoreSnapshot(ctx: ZoneContext, id: string, opts: ChangeOptions) {
  const { records, label } = await snapshotRecords(ctx, id)
  const target = canon(records, ctx.domain)
  return changeZone(ctx, { ...opts, reason: `Restore ${label}`, action: 'dns.snapshot.restore', desired: () => target })
}

/** The zone as a whole becomes `records` (import in replace mode). */
export function replaceZone(ctx: ZoneContext, records: DnsRecord[], reason: string, opts: ChangeOptions) {
  const target = canon(records, ctx.domain)
  return changeZone(ctx, { ...opts, reason, action: 'dns.zone.import', desired: () => target })
}

/** `records` are added; identical ones only take the new TTL (import in merge mode). */
export function mergeIntoZone(ctx: ZoneContext, records: DnsRecord[], reason: string, opts: ChangeOptions) {
  const adds = canon(records, ctx.domain)
  return changeZone(ctx, {
    ...opts, reason, action: 'dns.zone.import',
    desired: current => applyOperations(current, { op: 'put', records: adds, overwrite: false }, { zone: ctx.domain }),
  })
}

export interface ResetOutcome extends ChangeOutcome { note: string }

/**
 * Reset can't be previewed exactly: the provider picks its default records. The plan shown
 * before is the worst case (every record goes); the answer after applying shows what really
 * changed. Nothing is sent to a validate endpoint because we send no records.
 */
export async function resetZone(ctx: ZoneContext, opts: ChangeOptions): Promise<ResetOutcome> {
  const note = 'Every record is deleted, then the provider adds its default records (which ones is only known once it is done).'
  return withZoneLock(ctx, async () => {
    const current = await ctx.adapter.getDnsZone(ctx.domain)
    const predicted = planChanges(current, [], { zone: ctx.domain })
    const isDestructive = destructive(predicted, current.length)
    if (opts.dryRun) return { status: 'planned', plan: planView(predicted, current.length), destructive: isDestructive, note }
    if (isDestructive && !opts.force) throw unsafeChange(predicted, current.length)
    const snapshotId = await saveSnapshot(ctx, current, 'Reset to the provider\'s default records')
    await ctx.adapter.resetDnsZone(ctx.domain)
    const after = await ctx.adapter.getDnsZone(ctx.domain)
    const actual = planChanges(current, after, { zone: ctx.domain })
    const plan: PlanView = planView(actual, current.length)
    await audit({ userId: ctx.user.id, action: 'dns.zone.reset', target: zoneLabel(ctx), details: { snapshot: snapshotId, deleted: actual.deletes.length, added: actual.adds.length, forced: isDestructive } })
    return { status: 'applied', plan, destructive: isDestructive, snapshot_id: snapshotId, note }
  })
}
