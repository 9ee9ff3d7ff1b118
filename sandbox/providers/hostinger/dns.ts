/**
 * Hostinger DNS routes (`/api/dns/v1/...`): zone read/update/delete/validate/reset and
 * snapshots. Every change takes a snapshot of the zone first, as Hostinger does, so any
 * change can be undone with a restore.
 */
import type { Router, SimRequest } from '../../core/router'
import type { SimOptions } from '../../core/simulator'
import { accepted, clone, FieldErrors, hostingerError } from './dns-http'
import { takeSnapshot, UPSTREAM_RECORD_TYPES, type HostingerDnsState, type RecordSet, type Zone } from './dns-state'
import { applyUpdate, checkZone, parseUpdate } from './dns-zone'

export { createDnsState, resetDnsState, type HostingerDnsState } from './dns-state'

const EMAIL_TXT = /^"?v=(spf1|DKIM1|DMARC1)\b/i
const isEmailRecord = (s: RecordSet) =>
  s.type === 'MX' || (s.type === 'TXT' && (s.name === '_dmarc' || s.name.endsWith('._domainkey') || s.records.some(r => EMAIL_TXT.test(r.content))))

export function registerDnsRoutes(router: Router, state: HostingerDnsState, _opts: SimOptions) {
  const zoneOf = (req: SimRequest): Zone | undefined => state.zones.get(req.params.domain!.toLowerCase())
  const noZone = (req: SimRequest) => hostingerError(404, `DNS zone for domain ${req.params.domain} was not found`)

  router.get('/api/dns/v1/zones/:domain', (req) => {
    const zone = zoneOf(req)
    return zone ? { json: clone(zone.records) } : noZone(req)
  })

  // Validation runs against the zone as PUT would leave it, so both answer the same.
  function planUpdate(req: SimRequest, zone: Zone) {
    const errors = new FieldErrors()
    const update = parseUpdate(req.body, errors)
    if (!update) return { error: errors.response()! }
    const next = applyUpdate(zone.records, update)
    checkZone(next, update, errors)
    const error = errors.response()
    return error ? { error } : { next }
  }

  router.post('/api/dns/v1/zones/:domain/validate', (req) => {
    const zone = zoneOf(req)
    if (!zone) return noZone(req)
    const plan = planUpdate(req, zone)
    return plan.error ?? accepted()
  })

  router.put('/api/dns/v1/zones/:domain', (req) => {
    const zone = zoneOf(req)
    if (!zone) return noZone(req)
    const plan = planUpdate(req, zone)
    if (plan.error) return plan.error
    takeSnapshot(state, zone, 'Zone records update request')
    zone.records = plan.next!
    return accepted()
  })

  router.delete('/api/dns/v1/zones/:domain', (req) => {
    const zone = zoneOf(req)
    if (!zone) return noZone(req)
    const errors = new FieldErrors()
    const filters = req.body?.filters
    if (!Array.isArray(filters) || filters.length === 0) errors.add('filters', 'The filters field is required.')
    else {
      filters.forEach((f: any, i: number) => {
        if (typeof f?.name !== 'string' || !f.name) errors.add(`filters.${i}.name`, `The filters.${i}.name field is required.`)
        if (f?.type === undefined) errors.add(`filters.${i}.type`, `The filters.${i}.type field is required.`)
        else if (!UPSTREAM_RECORD_TYPES.includes(f.type)) errors.add(`filters.${i}.type`, `The selected filters.${i}.type is invalid.`)
      })
    }
    const invalid = errors.response()
    if (invalid) return invalid
    takeSnapshot(state, zone, 'Zone records delete request')
    zone.records = zone.records.filter(s => !filters.some((f: any) => f.name.toLowerCase() === s.name && f.type === s.type))
    return accepted()
  })

  router.post('/api/dns/v1/zones/:domain/reset', (req) => {
    const zone = zoneOf(req)
    if (!zone) return noZone(req)
    const body = req.body ?? {}
    const errors = new FieldErrors()
    for (const k of ['sync', 'reset_email_records']) {
      if (body[k] !== undefined && typeof body[k] !== 'boolean') errors.add(k, `The ${k} field must be true or false.`)
    }
    const keepTypes = body.whitelisted_record_types ?? []
    if (!Array.isArray(keepTypes)) errors.add('whitelisted_record_types', 'The whitelisted record types field must be an array.')
    else keepTypes.forEach((t: unknown, i: number) => {
      if (!UPSTREAM_RECORD_TYPES.includes(t as never)) errors.add(`whitelisted_record_types.${i}`, `The selected whitelisted_record_types.${i} is invalid.`)
    })
    const invalid = errors.response()
    if (invalid) return invalid

    const keep = (s: RecordSet) => keepTypes.includes(s.type) || (body.reset_email_records === false && isEmailRecord(s))
    takeSnapshot(state, zone, 'Zone reset request')
    zone.records = [...clone(zone.defaults).filter(s => !keep(s)), ...zone.records.filter(keep)]
    return accepted()
  })

  router.get('/api/dns/v1/snapshots/:domain', (req) => {
    const zone = zoneOf(req)
    if (!zone) return noZone(req)
    return { json: zone.snapshots.map(({ id, reason, created_at }) => ({ id, reason, created_at })) }
  })

  const snapshotOf = (req: SimRequest, zone: Zone) => zone.snapshots.find(s => String(s.id) === req.params.snapshotId)
  const noSnapshot = (req: SimRequest) => hostingerError(404, `Snapshot ${req.params.snapshotId} was not found`)

  router.get('/api/dns/v1/snapshots/:domain/:snapshotId', (req) => {
    const zone = zoneOf(req)
    if (!zone) return noZone(req)
    const snap = snapshotOf(req, zone)
    return snap ? { json: clone(snap) } : noSnapshot(req)
  })

  router.post('/api/dns/v1/snapshots/:domain/:snapshotId/restore', (req) => {
    const zone = zoneOf(req)
    if (!zone) return noZone(req)
    const snap = snapshotOf(req, zone)
    if (!snap) return noSnapshot(req)
    takeSnapshot(state, zone, `Snapshot ${snap.id} restore request`)
    zone.records = clone(snap.snapshot)
    return accepted()
  })
}
