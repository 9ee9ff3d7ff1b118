/**
 * What PUT /api/dns/v1/zones/{domain} does to a zone, and the checks it (and /validate) runs.
 *
 * overwrite=true: record sets matching the name AND type of an input set are replaced; every
 * other set stays. overwrite=false: a matching set gets the new TTL and the new contents
 * appended; sets with no match are created. Both then check the resulting zone (a CNAME must be
 * alone at its name), so validate answers exactly what PUT would.
 */
import { isIP } from 'node:net'
import type { FieldErrors } from './dns-http'
import { isHostName } from './dns-http'
import { DEFAULT_TTL, UPSTREAM_RECORD_TYPES, type RecordSet, type UpstreamRecordType } from './dns-state'

export const TTL_MIN = 60
export const TTL_MAX = 86400

export interface ZoneInputSet { name: string, type: UpstreamRecordType, ttl?: number, records: { content: string }[] }
export interface ParsedUpdate { overwrite: boolean, zone: ZoneInputSet[] }

/** Host-valued contents are stored fully qualified, with the trailing dot. */
function fqdn(host: string) {
  return host.endsWith('.') ? host : `${host}.`
}

/** The content as the zone stores it (Hostinger quotes TXT values and qualifies host names). */
export function normalizeContent(type: string, content: string): string {
  const c = content.trim()
  switch (type) {
    case 'CNAME': case 'NS': case 'ALIAS': return fqdn(c.toLowerCase())
    case 'MX': {
      const [prio, host] = c.split(/\s+/)
      return `${prio} ${fqdn(host!.toLowerCase())}`
    }
    case 'SRV': {
      const [prio, weight, port, target] = c.split(/\s+/)
      return `${prio} ${weight} ${port} ${target === '.' ? '.' : fqdn(target!.toLowerCase())}`
    }
    case 'TXT': return /^".*"$/s.test(c) ? c : `"${c.replace(/"/g, '\\"')}"`
    case 'AAAA': return c.toLowerCase()
    default: return c
  }
}

const NAME = /^(@|\*|(\*\.)?[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*)$/i
const uint16 = (s: string | undefined) => s !== undefined && /^\d{1,5}$/.test(s) && Number(s) <= 65535

/** Why `content` is not valid for `type`, or null. */
function contentProblem(type: UpstreamRecordType, content: string, field: string): string | null {
  const c = content.trim()
  const parts = c.split(/\s+/)
  switch (type) {
    case 'A': return isIP(c) === 4 ? null : `The ${field} field must be a valid IPv4 address.`
    case 'AAAA': return isIP(c) === 6 ? null : `The ${field} field must be a valid IPv6 address.`
    case 'CNAME': case 'NS': case 'ALIAS': return isHostName(c) ? null : `The ${field} field must be a valid host name.`
    case 'MX':
      if (parts.length !== 2 || !uint16(parts[0])) return `The ${field} field must contain a priority followed by a host name.`
      return isHostName(parts[1]!) ? null : `The ${field} field must be a valid host name.`
    case 'SRV':
      if (parts.length !== 4 || !parts.slice(0, 3).every(uint16)) return `The ${field} field must have the format "priority weight port target".`
      return parts[3] === '.' || isHostName(parts[3]!) ? null : `The ${field} field must be a valid host name.`
    case 'CAA':
      return /^\d{1,3}\s+(issue|issuewild|iodef)\s+\S.*$/i.test(c) && Number(parts[0]) <= 255 ? null : `The ${field} field must have the format "flags tag value".`
    case 'TXT': return c.length <= 4096 ? null : `The ${field} field must not be greater than 4096 characters.`
    case 'SOA': return null
  }
}

/** Request-shape and per-record checks; `input` is the raw JSON body. */
export function parseUpdate(input: Record<string, any> | undefined, errors: FieldErrors): ParsedUpdate | null {
  const body = input ?? {}
  if (body.overwrite !== undefined && typeof body.overwrite !== 'boolean') errors.add('overwrite', 'The overwrite field must be true or false.')
  if (!Array.isArray(body.zone) || body.zone.length === 0) {
    errors.add('zone', body.zone === undefined ? 'The zone field is required.' : 'The zone field must be a non-empty array.')
    return null
  }
  body.zone.forEach((set: any, i: number) => {
    const f = `zone.${i}`
    if (!set || typeof set !== 'object') { errors.add(f, `The ${f} field must be an object.`); return }
    if (typeof set.name !== 'string' || !set.name) errors.add(`${f}.name`, `The ${f}.name field is required.`)
    else if (set.name.length > 253 || !NAME.test(set.name)) errors.add(`${f}.name`, `The ${f}.name field format is invalid.`)
    const typeOk = UPSTREAM_RECORD_TYPES.includes(set.type)
    if (set.type === undefined) errors.add(`${f}.type`, `The ${f}.type field is required.`)
    else if (!typeOk) errors.add(`${f}.type`, `The selected ${f}.type is invalid.`)
    if (set.ttl !== undefined && (!Number.isInteger(set.ttl) || set.ttl < TTL_MIN || set.ttl > TTL_MAX)) {
      errors.add(`${f}.ttl`, `The ${f}.ttl field must be an integer between ${TTL_MIN} and ${TTL_MAX}.`)
    }
    if (!Array.isArray(set.records) || set.records.length === 0) { errors.add(`${f}.records`, `The ${f}.records field is required.`); return }
    if (set.type === 'CNAME' && set.records.length > 1) errors.add(`${f}.records`, `The ${f}.records field must contain only one record for a CNAME.`)
    set.records.forEach((r: any, j: number) => {
      const rf = `${f}.records.${j}.content`
      if (typeof r?.content !== 'string' || !r.content.trim()) { errors.add(rf, `The ${rf} field is required.`); return }
      if (!typeOk) return
      const problem = contentProblem(set.type, r.content, rf)
      if (problem) errors.add(rf, problem)
    })
  })
  if (errors.count) return null
  return {
    overwrite: body.overwrite ?? true,
    zone: body.zone.map((s: any) => ({ name: s.name.toLowerCase(), type: s.type, ttl: s.ttl, records: s.records.map((r: any) => ({ content: r.content })) })),
  }
}

/** The zone after the update (a new array; `current` is not touched). */
export function applyUpdate(current: RecordSet[], update: ParsedUpdate): RecordSet[] {
  const out = current.map(s => ({ ...s, records: s.records.map(r => ({ ...r })) }))
  // Input sets naming the same name/type are merged first, as one set.
  const merged = new Map<string, ZoneInputSet>()
  for (const s of update.zone) {
    const key = `${s.name}|${s.type}`
    const prev = merged.get(key)
    if (prev) { prev.records.push(...s.records); prev.ttl ??= s.ttl }
    else merged.set(key, { ...s, records: [...s.records] })
  }
  for (const s of merged.values()) {
    const contents = [...new Set(s.records.map(r => normalizeContent(s.type, r.content)))]
    const i = out.findIndex(x => x.name === s.name && x.type === s.type)
    if (i < 0) {
      out.push({ name: s.name, type: s.type, ttl: s.ttl ?? DEFAULT_TTL, records: contents.map(content => ({ content, is_disabled: false })) })
    }
    else if (update.overwrite) {
      out[i] = { name: s.name, type: s.type, ttl: s.ttl ?? out[i]!.ttl, records: contents.map(content => ({ content, is_disabled: false })) }
    }
    else {
      const existing = out[i]!
      if (s.ttl !== undefined) existing.ttl = s.ttl
      for (const content of contents) {
        if (!existing.records.some(r => r.content === content)) existing.records.push({ content, is_disabled: false })
      }
    }
  }
  return out
}

/** Rules that hold for the zone as a whole. `update` maps problems back to request fields. */
export function checkZone(zone: RecordSet[], update: ParsedUpdate, errors: FieldErrors) {
  update.zone.forEach((s, i) => {
    const atName = zone.filter(x => x.name === s.name)
    const cname = atName.find(x => x.type === 'CNAME')
    if (cname && atName.length > 1) {
      const others = atName.filter(x => x.type !== 'CNAME').map(x => x.type).join(', ')
      errors.add(`zone.${i}.name`, `A CNAME record cannot coexist with other records (${others}) at ${s.name}.`)
    }
    else if (cname && cname.records.length > 1) {
      errors.add(`zone.${i}.records`, `The zone.${i}.records field must contain only one record for a CNAME.`)
    }
  })
}
