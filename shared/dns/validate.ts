/**
 * Record and zone validation with messages for people, shared by the record form (browser) and
 * the API handlers (through the zod schemas at the bottom).
 *
 * Formats (see also rdata.ts and txt.ts):
 *  - name: relative to the zone, "@" for the apex, "*" only as the whole leftmost label.
 *  - targets (CNAME/NS/MX/SRV): full host names, trailing dot optional, "@" = the apex where
 *    that makes sense (CNAME, MX, SRV), "." for null MX / "no service" SRV.
 *  - MX and SRV priority in `priority` (0–65535); ignored (may be absent or 0) for other types.
 *  - TTL: whole seconds from 60 to 86400. Below a minute most providers refuse or round up;
 *    above a day a mistake takes too long to undo.
 */
import { z } from 'zod'
import { ipv4Problem, ipv6Problem } from './ip'
import { checkOwnerName, checkTarget, normalizeName, normalizeTarget, toFqdn } from './names'
import { normalizeRecord, recordKey, usesPriority } from './normalize'
import { parseCaaContent, parseIntInRange, parseSrvContent } from './rdata'
import { parseTxtContent, TXT_STRING_MAX_BYTES, TXT_TOTAL_MAX_BYTES } from './txt'
import { DNS_RECORD_TYPES, type DnsRecord, type FieldError, type ValidationResult } from './types'
import { withMessageCode } from './messages'

export const TTL_MIN = 60
export const TTL_MAX = 86400
export const PRIORITY_MAX = 65535

export interface ValidateOptions {
  /** The zone ("example.com"). Without it the checks that need it (full length, names typed absolute, "@" targets) are skipped. */
  zone?: string
  /**
   * The rest of the zone, to also check this record against it (CNAME exclusivity, duplicates).
   * A record with the same `id` (the one being edited) or the same object is left out.
   */
  allRecords?: DnsRecord[]
}

function result(errors: FieldError[]): ValidationResult {
  return errors.length === 0 ? { ok: true } : { ok: false, errors: errors.map(withMessageCode) }
}

const HOST_OWNER_TYPES: readonly string[] = ['A', 'AAAA', 'MX']

function nameErrors(record: DnsRecord, zone: string | undefined): string | null {
  if (typeof record.name !== 'string') return 'Name is required (use "@" for the domain itself)'
  const problem = checkOwnerName(record.name, { zone, hostOnly: HOST_OWNER_TYPES.includes(record.type) ? record.type : undefined })
  if (problem) return problem
  const name = normalizeName(record.name, zone)
  if (record.type === 'CNAME' && name === '@') {
    return 'A CNAME can\'t be at the domain itself (@), which always has SOA and NS records. Use an A/AAAA record, or a CNAME on a name like "www"'
  }
  if (record.type === 'SRV') {
    const labels = name.split('.')
    if (labels.length < 2 || !labels[0].startsWith('_') || !labels[1].startsWith('_')) {
      return 'SRV name must start with the service and protocol, like "_sip._tcp" or "_sip._tcp.eu"'
    }
  }
  return null
}

function ttlError(ttl: unknown): string | null {
  return parseIntInRange(typeof ttl === 'number' ? ttl : NaN, TTL_MIN, TTL_MAX) === null
    ? `TTL must be a whole number of seconds from ${TTL_MIN} (1 minute) to ${TTL_MAX} (1 day)`
    : null
}

function priorityError(record: DnsRecord): string | null {
  const p = record.priority as unknown
  if (usesPriority(record.type)) {
    if (p === undefined || p === null || (p as unknown) === '') return `${record.type} priority is required: a whole number from 0 to ${PRIORITY_MAX} (lower is tried first)`
    return parseIntInRange(typeof p === 'number' ? p : NaN, 0, PRIORITY_MAX) === null
      ? `${record.type} priority must be a whole number from 0 to ${PRIORITY_MAX}`
      : null
  }
  // The seed API sends "priority": 0 on every record, so 0 means "none" here.
  if (p === undefined || p === null || p === 0) return null
  return `Priority only applies to MX and SRV records; leave it empty for ${record.type} records`
}

function contentError(record: DnsRecord, zone: string | undefined): string | null {
  const c = record.content
  if (typeof c !== 'string') return 'Content is required'
  switch (record.type) {
    case 'A': return ipv4Problem(c)
    case 'AAAA': return ipv6Problem(c)
    case 'CNAME': {
      const problem = checkTarget(c, { what: 'CNAME target', allowAt: true, allowUnderscore: true })
      if (problem) return problem
      if (zone && typeof record.name === 'string' && normalizeTarget(c, zone) === toFqdn(normalizeName(record.name, zone), zone)) {
        return 'A CNAME can\'t point to its own name'
      }
      return null
    }
    case 'NS': return checkTarget(c, { what: 'Name server' })
    case 'MX': {
      if (/^\s*[0-9]+\s+\S/.test(c)) return 'MX content is only the mail server\'s host name: put the number in the priority field'
      const problem = checkTarget(c, { what: 'Mail server', allowAt: true, allowRoot: true })
      if (problem) return problem
      // RFC 7505: a "null MX" (the domain accepts no mail) is exactly "0 .".
      if (c.trim() === '.' && record.priority !== 0) return 'A null MX (".", meaning this domain accepts no mail) must have priority 0'
      return null
    }
    case 'TXT': {
      const parsed = parseTxtContent(c)
      if (parsed.error !== undefined) return parsed.error
      const total = parsed.strings.reduce((n, s) => n + s.length, 0)
      if (total > TXT_TOTAL_MAX_BYTES) return `TXT value is too long: at most ${TXT_TOTAL_MAX_BYTES} bytes in all (this one is ${total})`
      const long = parsed.strings.findIndex(s => s.length > TXT_STRING_MAX_BYTES)
      if (long >= 0) {
        return `Each quoted TXT string can be at most ${TXT_STRING_MAX_BYTES} bytes (string ${long + 1} is ${parsed.strings[long].length}): split it into several quoted strings, or remove the quotes to have it split automatically`
      }
      return null
    }
    case 'SRV': {
      const parsed = parseSrvContent(c)
      return 'error' in parsed ? parsed.error : null
    }
    case 'CAA': {
      const parsed = parseCaaContent(c)
      return 'error' in parsed ? parsed.error : null
    }
    default: return null
  }
}

/** Checks one record on its own (and, with `allRecords`, against the rest of the zone). */
export function validateRecord(record: DnsRecord, options: ValidateOptions = {}): ValidationResult {
  if (!record || typeof record !== 'object') return result([{ field: 'type', message: 'A record is required' }])
  if (!(DNS_RECORD_TYPES as readonly string[]).includes(record.type)) {
    const shown = typeof record.type === 'string' && record.type ? `"${record.type}" is not supported` : 'is required'
    return result([{ field: 'type', message: `Record type ${shown}: choose one of ${DNS_RECORD_TYPES.join(', ')}` }])
  }
  const zone = options.zone
  const errors: FieldError[] = []
  const add = (field: string, message: string | null) => { if (message) errors.push({ field, message }) }
  add('name', nameErrors(record, zone))
  add('content', contentError(record, zone))
  add('ttl', ttlError(record.ttl))
  add('priority', priorityError(record))
  if (options.allRecords && errors.length === 0) {
    const others = options.allRecords.filter(r => r !== record && (record.id === undefined || r.id !== record.id))
    for (const e of conflictsWith(record, others, zone)) errors.push(e)
  }
  return result(errors)
}

/** A display name for messages: "www", or "@" spelled out. */
function shownName(name: string): string {
  return name === '@' ? '@ (the domain itself)' : `"${name}"`
}

function typesList(types: string[]): string {
  const unique = [...new Set(types)]
  // "an A", "an MX", "an SRV" but "a CNAME", "a TXT", "a CAA": by sound, not spelling.
  if (unique.length === 1) return `${/^(A|MX|NS|SRV)/.test(unique[0]) ? 'an' : 'a'} ${unique[0]} record`
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]} records`
}

/** Problems one (valid) record would have next to `others`: CNAME exclusivity and duplicates. */
function conflictsWith(record: DnsRecord, others: DnsRecord[], zone: string | undefined): FieldError[] {
  const self = normalizeRecord(record, zone)
  const atName = others.filter(o => normalizeName(String(o.name ?? ''), zone) === self.name)
  const errors: FieldError[] = []
  if (self.type === 'CNAME' && atName.some(o => o.type === 'CNAME')) {
    errors.push({ field: 'name', message: `${shownName(self.name)} already has a CNAME record; a name can have only one` })
  }
  else if (self.type === 'CNAME' && atName.length > 0) {
    errors.push({ field: 'name', message: `${shownName(self.name)} already has ${typesList(atName.map(o => o.type))}; a CNAME must be the only record at its name` })
  }
  else if (self.type !== 'CNAME' && atName.some(o => o.type === 'CNAME')) {
    errors.push({ field: 'name', message: `${shownName(self.name)} has a CNAME record, so it can't have other records: remove the CNAME or use another name` })
  }
  const key = recordKey(self, zone)
  if (others.some(o => o.type === self.type && recordKey(o, zone) === key)) {
    errors.push({ field: 'content', message: `This ${self.type} record already exists at ${shownName(self.name)}` })
  }
  return errors
}

export interface ZoneError extends FieldError {
  /** Position of the record in the array given to validateZone. */
  index: number
  id?: string
}

export type ZoneValidationResult = { ok: true } | { ok: false, errors: ZoneError[] }

/**
 * Checks every record and the rules between them: a CNAME is alone at its name (and never at
 * the apex), and no record appears twice (same name, type, content and priority — a different
 * TTL doesn't make it another record).
 */
export function validateZone(records: DnsRecord[], options: { zone?: string } = {}): ZoneValidationResult {
  const { zone } = options
  const errors: ZoneError[] = []
  records.forEach((r, i) => {
    const res = validateRecord(r, { zone })
    if (!res.ok) for (const e of res.errors) errors.push(withIndex(records, i, e))
  })
  errors.push(...crossRecordErrors(records, { zone }))
  errors.sort((a, b) => a.index - b.index)
  return errors.length === 0 ? { ok: true } : { ok: false, errors }
}

function withIndex(records: DnsRecord[], index: number, e: FieldError): ZoneError {
  const id = records[index]?.id
  const coded = withMessageCode(e)
  return id === undefined ? { index, ...coded } : { index, id, ...coded }
}

/**
 * Only the rules between records (CNAME exclusivity, duplicates), among the records that are
 * valid on their own: an invalid record already has its own errors.
 */
export function crossRecordErrors(records: DnsRecord[], options: { zone?: string } = {}): ZoneError[] {
  const { zone } = options
  const errors: ZoneError[] = []
  const push = (i: number, e: FieldError) => errors.push(withIndex(records, i, e))
  const valid = records.map(r => validateRecord(r, { zone }).ok)

  const byName = new Map<string, number[]>()
  records.forEach((r, i) => {
    if (!valid[i]) return
    const name = normalizeName(r.name, zone)
    byName.set(name, [...(byName.get(name) ?? []), i])
  })
  for (const [name, indexes] of byName) {
    const cnames = indexes.filter(i => records[i].type === 'CNAME')
    if (cnames.length === 0 || indexes.length < 2) continue
    const otherTypes = indexes.filter(i => records[i].type !== 'CNAME').map(i => records[i].type)
    for (const i of indexes) {
      if (records[i].type !== 'CNAME') {
        push(i, { field: 'name', message: `${shownName(name)} also has a CNAME record; a name with a CNAME can't have any other records` })
      }
      else if (otherTypes.length > 0) {
        push(i, { field: 'name', message: `A CNAME must be the only record at its name, but ${shownName(name)} also has ${typesList(otherTypes)}` })
      }
      else {
        push(i, { field: 'name', message: `${shownName(name)} has ${cnames.length} CNAME records; a name can have only one` })
      }
    }
  }

  const seen = new Map<string, number>()
  records.forEach((r, i) => {
    if (!valid[i]) return
    const key = recordKey(r, zone)
    const first = seen.get(key)
    if (first === undefined) { seen.set(key, i); return }
    const n = normalizeRecord(r, zone)
    push(i, { field: 'content', message: `Duplicate record: the same ${n.type} record at ${shownName(n.name)} is listed twice (records ${first + 1} and ${i + 1})` })
  })
  return errors
}

// ---------- zod schemas for the API handlers ----------

const recordShape = z.object({
  id: z.string().optional(),
  type: z.enum(DNS_RECORD_TYPES, { error: `Record type must be one of ${DNS_RECORD_TYPES.join(', ')}` }),
  name: z.string({ error: 'Name is required (use "@" for the domain itself)' }),
  content: z.string({ error: 'Content is required' }),
  ttl: z.number({ error: `TTL must be a whole number of seconds from ${TTL_MIN} to ${TTL_MAX}` }),
  // The seed API sends "priority": 0 or null on records without one; both mean "none".
  priority: z.number({ error: 'Priority must be a number' }).nullish().transform(p => p ?? undefined),
})

/** Schema for one record; with a zone, the zone-dependent checks run too. */
export function dnsRecordSchemaFor(zone?: string) {
  return recordShape.superRefine((record, ctx) => {
    const res = validateRecord(record as DnsRecord, { zone })
    if (!res.ok) for (const e of res.errors) ctx.addIssue({ code: 'custom', path: [e.field], message: e.message })
  })
}

/** One record, zone-independent checks (use dnsRecordSchemaFor(zone) when the zone is known). */
export const dnsRecordSchema = dnsRecordSchemaFor()

/** A list of records that must also be valid together (CNAME rules, duplicates). */
export function dnsRecordListSchemaFor(zone?: string) {
  return z.array(dnsRecordSchemaFor(zone)).superRefine((records, ctx) => {
    for (const e of crossRecordErrors(records as DnsRecord[], { zone })) ctx.addIssue({ code: 'custom', path: [e.index, e.field], message: e.message })
  })
}

/** PUT body: `overwrite` replaces the records of the same name and type; without it they are added. */
export function dnsPutBodySchemaFor(zone?: string) {
  return z.object({
    records: dnsRecordListSchemaFor(zone).min(1, { error: 'Send at least one record' }),
    overwrite: z.boolean().default(false),
  })
}

/** DELETE query: every record with this name and type goes. */
export const dnsDeleteQuerySchema = z.object({
  name: z.string().trim().min(1, { error: 'Name is required (use "@" for the domain itself)' }),
  type: z.enum(DNS_RECORD_TYPES, { error: `Record type must be one of ${DNS_RECORD_TYPES.join(', ')}` }),
})
