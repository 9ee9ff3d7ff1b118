/**
 * BIND zone files (RFC 1035 master files): export a zone for download/backup and import one a
 * person pastes. Export writes names relative to $ORIGIN and every target fully qualified (with
 * the trailing dot), so the file reads the same whatever $ORIGIN a tool assumes.
 */
import { normalizeZone, toRelativeName } from './names'
import { normalizeRecord } from './normalize'
import { parseCaaContent, parseSrvContent } from './rdata'
import { canonicalTxtFromStrings, decodeEscapes, quoteForContent, quoteForZoneFile, txtStrings } from './txt'
import { DNS_RECORD_TYPES, type DnsRecord, type DnsRecordType } from './types'
import { crossRecordErrors, validateRecord } from './validate'
import { lexZone, type ZoneLineError, type ZoneToken } from './zone-lexer'
import { withMessageCode } from './messages'

export interface SoaFields {
  /** Primary name server, absolute ("ns1.example.com"). Default: the first apex NS, else ns1.<zone>. */
  mname: string
  /** Responsible mailbox, as an e-mail address or in DNS form. Default: hostmaster@<zone>. */
  rname: string
  /** Default: today as YYYYMMDD01 (UTC). */
  serial: number
  refresh: number
  retry: number
  expire: number
  /** Negative-answer TTL (RFC 2308). */
  minimum: number
}

export interface ExportOptions {
  soa?: Partial<SoaFields>
  /** The $TTL line (records still carry their own TTL). Default 3600. */
  defaultTtl?: number
}

const TYPE_ORDER: DnsRecordType[] = ['NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'CAA']
const MAX_TTL = 2147483647

function absolute(target: string): string {
  return target === '.' ? '.' : `${target}.`
}

/** "hostmaster@example.com" → "hostmaster.example.com." (dots in the local part escaped). */
function mailboxToDns(rname: string): string {
  const at = rname.lastIndexOf('@')
  const dns = at < 0 ? rname : `${rname.slice(0, at).replace(/\./g, '\\.')}.${rname.slice(at + 1)}`
  return dns.endsWith('.') ? dns : `${dns}.`
}

function todaySerial(): number {
  const d = new Date()
  return Number(`${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}01`)
}

function rdata(r: DnsRecord, indent: string): string {
  switch (r.type) {
    case 'CNAME':
    case 'NS': return absolute(r.content)
    case 'MX': return `${r.priority} ${absolute(r.content)}`
    case 'SRV': {
      const s = parseSrvContent(r.content)
      return 'error' in s ? '' : `${r.priority} ${s.weight} ${s.port} ${absolute(s.target)}`
    }
    case 'TXT': {
      const strings = (txtStrings(r.content) ?? []).map(quoteForZoneFile)
      // Long values: one 255-byte string per line inside parentheses, easier to read and diff.
      return strings.length === 1 ? strings[0] : `( ${strings.join(`\n${indent}  `)} )`
    }
    case 'CAA': {
      const c = parseCaaContent(r.content)
      return 'error' in c ? '' : `${c.flags} ${c.tag} ${quoteForZoneFile(c.valueBytes)}`
    }
    default: return r.content
  }
}

/** A record shown in a comment: never let its text break out of the comment line. */
function safeComment(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f]/g, '?')
}

/**
 * The zone as a BIND zone file: $ORIGIN, $TTL, an SOA and the records (apex first, then by name
 * and type). A record that isn't valid is written as a comment instead of breaking the file; a
 * TTL outside our 60–86400 range is kept as is (BIND accepts it), or $TTL if it isn't a number.
 */
export function exportZone(zone: string, records: DnsRecord[], options: ExportOptions = {}): string {
  const origin = normalizeZone(zone)
  const defaultTtl = options.defaultTtl ?? 3600
  const valid: DnsRecord[] = []
  const skipped: string[] = []
  for (const record of records) {
    // Normalized first, so names typed absolute ("www.example.com.") are written relative.
    const n = normalizeRecord(record, origin)
    const res = validateRecord(n, { zone: origin })
    const errors = res.ok ? [] : res.errors.filter(e => e.field !== 'ttl')
    if (errors.length > 0) {
      skipped.push(`; skipped, not valid: ${safeComment(`${record.name} ${record.type} ${record.content}`)} (${safeComment(errors.map(e => e.message).join('; '))})`)
      continue
    }
    const ttl = Number.isInteger(n.ttl) && n.ttl >= 0 && n.ttl <= MAX_TTL ? n.ttl : defaultTtl
    valid.push({ ...n, ttl })
  }
  const rank = (r: DnsRecord) => TYPE_ORDER.indexOf(r.type)
  valid.sort((a, b) => (a.name === '@' ? 0 : 1) - (b.name === '@' ? 0 : 1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || rank(a) - rank(b))

  const firstNs = valid.find(r => r.name === '@' && r.type === 'NS')?.content
  const soa: SoaFields = {
    mname: firstNs ?? `ns1.${origin}`,
    rname: `hostmaster@${origin}`,
    serial: todaySerial(),
    refresh: 7200,
    retry: 3600,
    expire: 1209600,
    minimum: 3600,
    ...options.soa,
  }
  const width = Math.min(40, Math.max(8, ...valid.map(r => r.name.length + 1)))
  const pad = (s: string) => s.padEnd(width)
  const indent = ' '.repeat(width + 20)

  const lines = [
    `; Zone file for ${origin}`,
    `$ORIGIN ${origin}.`,
    `$TTL ${defaultTtl}`,
    `${pad('@')} ${String(defaultTtl).padEnd(7)} IN SOA   ${absolute(soa.mname.replace(/\.$/, ''))} ${mailboxToDns(soa.rname)} (`,
    `${indent}${String(soa.serial).padEnd(10)} ; serial`,
    `${indent}${String(soa.refresh).padEnd(10)} ; refresh`,
    `${indent}${String(soa.retry).padEnd(10)} ; retry`,
    `${indent}${String(soa.expire).padEnd(10)} ; expire`,
    `${indent}${String(soa.minimum).padEnd(10)} ; minimum (negative-answer TTL)`,
    `${indent})`,
  ]
  for (const r of valid) {
    lines.push(`${pad(r.name)} ${String(r.ttl).padEnd(7)} IN ${r.type.padEnd(5)} ${rdata(r, indent)}`)
  }
  if (skipped.length > 0) lines.push('', ...skipped)
  return `${lines.join('\n')}\n`
}

// ---------- import ----------

export interface ImportResult {
  records: DnsRecord[]
  /** One per line that was not imported (unsupported type, bad syntax, invalid data). */
  errors: ZoneLineError[]
}

const CLASSES = ['IN', 'CH', 'CHAOS', 'HS', 'HESIOD', 'CS', 'NONE', 'ANY']
/**
 * Record types that exist in DNS (IANA's registry, obsolete ones included) beside the ones we
 * manage: a word among them is a real type we cannot manage, any other word means the line is
 * not a record at all, and saying "type LINE is not supported" would only puzzle.
 */
const OTHER_DNS_TYPES = new Set([
  'A6', 'AFSDB', 'APL', 'ATMA', 'CDNSKEY', 'CDS', 'CERT', 'CSYNC', 'DHCID', 'DLV', 'DNAME', 'DNSKEY', 'DS', 'EUI48', 'EUI64',
  'GPOS', 'HINFO', 'HIP', 'HTTPS', 'IPSECKEY', 'ISDN', 'KEY', 'KX', 'L32', 'L64', 'LOC', 'LP', 'MB', 'MD', 'MF', 'MG', 'MINFO',
  'MR', 'NAPTR', 'NID', 'NINFO', 'NSAP', 'NSAP-PTR', 'NSEC', 'NSEC3', 'NSEC3PARAM', 'NULL', 'NXT', 'OPENPGPKEY', 'PTR', 'PX',
  'RKEY', 'RP', 'RRSIG', 'RT', 'SIG', 'SINK', 'SMIMEA', 'SPF', 'SSHFP', 'SVCB', 'TA', 'TALINK', 'TLSA', 'URI', 'WKS', 'X25', 'ZONEMD',
])
const isDnsType = (type: string) => (DNS_RECORD_TYPES as readonly string[]).includes(type) || OTHER_DNS_TYPES.has(type) || /^TYPE\d+$/.test(type)
/** The line number goes beside it ("line 3: Not a DNS record…"). */
const NOT_A_RECORD = 'Not a DNS record: expected "name TTL class type value", like "www 3600 IN A 203.0.113.10"'
const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }

/** "3600", "1h", "1h30m", "2W" → seconds, or null. */
export function parseZoneTtl(text: string): number | null {
  let total: number
  if (/^[0-9]+$/.test(text)) total = Number(text)
  else if (/^(?:[0-9]+[smhdw])+$/i.test(text)) {
    total = 0
    for (const [, n, unit] of text.toLowerCase().matchAll(/([0-9]+)([smhdw])/g)) total += Number(n) * TTL_UNITS[unit]
  }
  else return null
  return total <= MAX_TTL ? total : null
}

/** A name token → absolute name without the trailing dot ("." stays "."), or an error. */
function resolveName(token: ZoneToken | undefined, origin: string): { name: string } | { error: string } {
  if (!token || token.text === '') return { error: 'a name is missing' }
  if (token.quoted || token.text.includes('\\')) return { error: `the name "${token.text}" uses quotes or escapes, which are not supported` }
  const t = token.text.toLowerCase()
  if (t === '@') return { name: origin }
  if (t === '.') return { name: '.' }
  if (t.endsWith('.')) return { name: t.slice(0, -1) }
  return { name: `${t}.${origin}` }
}

function tokenBytes(token: ZoneToken): Uint8Array | { error: string } {
  const d = decodeEscapes(token.text)
  return 'error' in d ? d : d.bytes
}

/** The rdata tokens of one record → our content (and priority). */
function toRecordData(type: DnsRecordType, data: ZoneToken[], origin: string): { content: string, priority?: number } | { error: string } {
  const need = (n: number, shape: string) => (data.length === n ? null : { error: `${type} data must be "${shape}" (found ${data.length} item${data.length === 1 ? '' : 's'})` })
  const target = (t: ZoneToken) => resolveName(t, origin)
  const int = (t: ZoneToken) => (/^[0-9]+$/.test(t.text) ? Number(t.text) : NaN)
  switch (type) {
    case 'A':
    case 'AAAA':
      return need(1, 'address') ?? { content: data[0].text }
    case 'CNAME':
    case 'NS': {
      const bad = need(1, 'host name')
      if (bad) return bad
      const t = target(data[0])
      return 'error' in t ? t : { content: t.name }
    }
    case 'MX': {
      const bad = need(2, 'priority host')
      if (bad) return bad
      const t = target(data[1])
      return 'error' in t ? t : { content: t.name, priority: int(data[0]) }
    }
    case 'SRV': {
      const bad = need(4, 'priority weight port target')
      if (bad) return bad
      const t = target(data[3])
      return 'error' in t ? t : { content: `${data[1].text} ${data[2].text} ${t.name}`, priority: int(data[0]) }
    }
    case 'TXT': {
      if (data.length === 0) return { error: 'TXT data is missing' }
      const strings: Uint8Array[] = []
      for (const token of data) {
        const bytes = tokenBytes(token)
        if ('error' in bytes) return bytes
        strings.push(bytes)
      }
      return { content: canonicalTxtFromStrings(strings) }
    }
    case 'CAA': {
      const bad = need(3, 'flags tag "value"')
      if (bad) return bad
      const value = tokenBytes(data[2])
      if ('error' in value) return value
      return { content: `${data[0].text} ${data[1].text} ${quoteForContent(value)}` }
    }
  }
}

/**
 * Reads a zone file into records relative to `zone`. Understands comments, $ORIGIN, $TTL,
 * parentheses over several lines, "@", relative and absolute names, and omitted owner (repeats
 * the previous one), TTL ($TTL, else the previous TTL) and class (IN). The SOA is skipped (the
 * provider owns it); other types we don't manage, other classes, $INCLUDE/$GENERATE,
 * records that fail validation and records breaking the CNAME/duplicate rules are reported with
 * their line and left out, so `records` always passes validateZone.
 */
export function importZone(text: string, zone: string): ImportResult {
  const root = normalizeZone(zone)
  const { entries, errors } = lexZone(text)
  const records: DnsRecord[] = []
  /** The line each record came from, for cross-record errors. */
  const lines: number[] = []
  let origin = root
  let defaultTtl: number | undefined
  let lastTtl: number | undefined
  let lastOwner: string | undefined

  for (const entry of entries) {
    const fail = (message: string) => { errors.push({ line: entry.line, message }) }
    const tokens = [...entry.tokens]
    const first = tokens[0]

    if (!entry.indented && !first.quoted && first.text.startsWith('$')) {
      const directive = first.text.toUpperCase()
      if (directive === '$ORIGIN') {
        const o = resolveName(tokens[1], origin)
        if ('error' in o || tokens.length !== 2) fail('$ORIGIN needs exactly one domain name')
        else origin = o.name
      }
      else if (directive === '$TTL') {
        const ttl = tokens[1] ? parseZoneTtl(tokens[1].text) : null
        if (ttl === null || tokens.length !== 2) fail('$TTL needs one TTL, like 3600 or 1h')
        else defaultTtl = ttl
      }
      else fail(`${first.text} is not supported: paste the included or generated records themselves`)
      continue
    }

    let owner = lastOwner
    if (!entry.indented) {
      const o = resolveName(tokens.shift(), origin)
      if ('error' in o) { fail(`Owner name: ${o.error}`); continue }
      owner = o.name
    }
    if (owner === undefined) { fail('This line starts with a space, so it repeats the previous name, but there is none'); continue }
    lastOwner = owner

    let ttl: number | undefined
    let klass: string | undefined
    for (let k = 0; k < 2 && tokens.length > 0; k++) {
      const t = tokens[0].text.toUpperCase()
      if (!klass && CLASSES.includes(t)) { klass = t; tokens.shift() }
      else if (ttl === undefined && parseZoneTtl(t) !== null) { ttl = parseZoneTtl(t) ?? undefined; tokens.shift() }
      else break
    }
    if (ttl !== undefined) lastTtl = ttl
    const typeToken = tokens.shift()
    if (!typeToken) { fail(NOT_A_RECORD); continue }
    const type = typeToken.text.toUpperCase()
    if (type !== 'SOA' && !isDnsType(type)) { fail(NOT_A_RECORD); continue }

    if (klass && klass !== 'IN') { fail(`Only the IN class is supported (this record is ${klass})`); continue }
    if (type === 'SOA') {
      // Without $TTL, RFC 1035 zones take the default TTL from the SOA's last field.
      const minimum = tokens[6] ? parseZoneTtl(tokens[6].text) : null
      if (defaultTtl === undefined && lastTtl === undefined && minimum !== null) lastTtl = minimum
      continue
    }
    if (!(DNS_RECORD_TYPES as readonly string[]).includes(type)) {
      fail(`Record type ${type} is not supported (supported: ${DNS_RECORD_TYPES.join(', ')})`)
      continue
    }
    const name = toRelativeName(owner, root)
    if (name === null) { fail(`${owner} is outside the zone ${root}`); continue }
    const effectiveTtl = ttl ?? defaultTtl ?? lastTtl
    if (effectiveTtl === undefined) { fail('No TTL: give one on the record or add a $TTL line at the top'); continue }

    const data = toRecordData(type as DnsRecordType, tokens, origin)
    if ('error' in data) { fail(data.error); continue }
    const record: DnsRecord = { type: type as DnsRecordType, name, content: data.content, ttl: effectiveTtl }
    if (data.priority !== undefined) record.priority = data.priority
    const res = validateRecord(record, { zone: root })
    if (!res.ok) { fail(`${name} ${type}: ${res.errors.map(e => e.message).join('; ')}`); continue }
    records.push(normalizeRecord(record, root))
    lines.push(entry.line)
  }
  // Rules between records (CNAME alone at its name, no duplicates): the records involved are
  // left out too, so what is imported always passes validateZone.
  const conflicts = crossRecordErrors(records, { zone: root })
  const dropped = new Set(conflicts.map(e => e.index))
  for (const e of conflicts) errors.push({ line: lines[e.index], message: `${records[e.index].name} ${records[e.index].type}: ${e.message}` })
  errors.sort((a, b) => a.line - b.line)
  return { records: records.filter((_, i) => !dropped.has(i)), errors: errors.map(withMessageCode) }
}
