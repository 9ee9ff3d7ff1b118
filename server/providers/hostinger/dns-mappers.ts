/**
 * Hostinger zone ↔ our flat DnsRecord list.
 *
 * Upstream groups records by (name, type) with one TTL per group, and keeps MX/SRV priority
 * inside `content` ("10 mail.example.com."). We expose one record per content, priority split
 * out, host names without the trailing dot, TXT without its quotes, and the id
 * `name/type/index` where index is the position inside its upstream group.
 */
import { DNS_RECORD_TYPES, type DnsRecord, type DnsRecordType, type DnsSnapshot } from '../types'

export interface UpstreamNameRecord { content: string, is_disabled?: boolean }
export interface UpstreamRecordSet { name: string, type: string, ttl: number, records: UpstreamNameRecord[] }
export interface UpstreamRecordSetInput { name: string, type: string, ttl: number, records: { content: string }[] }
export interface UpstreamSnapshot { id: number | string, reason?: string | null, created_at: string, snapshot?: UpstreamRecordSet[] }

const PRIORITY_TYPES = new Set<string>(['MX', 'SRV'])
const HOST_TYPES = new Set<string>(['CNAME', 'NS', 'MX', 'SRV'])

const stripDot = (s: string) => (s.length > 1 && s.endsWith('.') ? s.slice(0, -1) : s)

/** `"v=spf1 ..."` → `v=spf1 ...` (only a single quoted string; multi-string TXT stays as is). */
function unquoteTxt(content: string): string {
  const m = /^"((?:[^"\\]|\\.)*)"$/s.exec(content)
  return m ? m[1]!.replace(/\\"/g, '"') : content
}

/** Upstream content → our content and priority. */
export function splitContent(type: string, raw: string): { content: string, priority?: number } {
  const content = raw.trim()
  if (type === 'TXT') return { content: unquoteTxt(content) }
  if (PRIORITY_TYPES.has(type)) {
    const m = /^(\d+)\s+(.+)$/s.exec(content)
    if (m) {
      const rest = m[2]!.trim()
      // SRV: "weight port target" — only the target is a host name.
      const cleaned = type === 'SRV' ? rest.replace(/(\S+)$/, t => stripDot(t)) : stripDot(rest)
      return { content: cleaned, priority: Number(m[1]) }
    }
  }
  return { content: HOST_TYPES.has(type) ? stripDot(content) : content }
}

/** Our record → upstream content (priority joined back for MX/SRV). */
export function joinContent(record: Pick<DnsRecord, 'type' | 'content' | 'priority'>): string {
  const content = record.content.trim()
  if (!PRIORITY_TYPES.has(record.type) || record.priority === undefined || record.priority === null) return content
  // Already carries its own priority (as typed by hand): don't add a second one.
  const parts = content.split(/\s+/)
  const expected = record.type === 'MX' ? 2 : 4
  if (parts.length === expected && /^\d+$/.test(parts[0]!)) return content
  return `${record.priority} ${content}`
}

export function isDnsRecordType(t: string): t is DnsRecordType {
  return (DNS_RECORD_TYPES as readonly string[]).includes(t)
}

/**
 * The flat list. Types we do not model (SOA, ALIAS) and disabled records (they do not resolve)
 * are left out; ids keep the upstream position so they still point at the right record.
 */
export function toDnsRecords(zone: UpstreamRecordSet[]): DnsRecord[] {
  const out: DnsRecord[] = []
  for (const set of zone) {
    const type = String(set.type).toUpperCase()
    if (!isDnsRecordType(type)) continue
    const name = set.name || '@'
    const ttl = Number(set.ttl)
    ;(set.records ?? []).forEach((r, index) => {
      if (r.is_disabled) return
      const { content, priority } = splitContent(type, String(r.content ?? ''))
      const rec: DnsRecord = { id: `${name}/${type}/${index}`, type, name, content, ttl }
      if (priority !== undefined) rec.priority = priority
      out.push(rec)
    })
  }
  return out
}

/** `www.example.com` / `example.com.` / `@` → the zone-relative name Hostinger wants. */
export function relativeName(domain: string, name: string): string {
  const n = stripDot(name.trim().toLowerCase())
  const d = domain.toLowerCase()
  if (!n || n === '@' || n === d) return '@'
  if (n.endsWith(`.${d}`)) return n.slice(0, -(d.length + 1))
  return n
}

/**
 * Our records → the `zone` array of a PUT/validate body: records of the same name and type become
 * one group. A group has one TTL upstream; the first record's TTL wins.
 */
export function toZoneInput(domain: string, records: DnsRecord[]): UpstreamRecordSetInput[] {
  const groups = new Map<string, UpstreamRecordSetInput>()
  for (const r of records) {
    const name = relativeName(domain, r.name)
    const type = r.type.toUpperCase()
    const key = `${name}|${type}`
    let g = groups.get(key)
    if (!g) {
      g = { name, type, ttl: Number(r.ttl), records: [] }
      groups.set(key, g)
    }
    g.records.push({ content: joinContent({ ...r, type: type as DnsRecordType }) })
  }
  return [...groups.values()]
}

export function toDnsSnapshot(raw: UpstreamSnapshot): DnsSnapshot {
  const snap: DnsSnapshot = { id: String(raw.id), reason: raw.reason ?? null, createdAt: raw.created_at }
  if (Array.isArray(raw.snapshot)) snap.records = toDnsRecords(raw.snapshot)
  return snap
}
