/**
 * Canonical records, so that two spellings of the same data compare equal: "WWW" and "www",
 * "mail.example.com." and "mail.example.com", "2001:DB8:0::1" and "2001:db8::1", `"v=spf1 -all"`
 * and `v=spf1 -all`. Normalizing never throws: what can't be parsed is only trimmed, and
 * validation reports it.
 */
import { canonicalIPv6 } from './ip'
import { normalizeName, normalizeTarget } from './names'
import { canonicalCaa, canonicalSrv } from './rdata'
import { canonicalTxt } from './txt'
import type { DnsRecord, DnsRecordType } from './types'

/** Types whose `priority` field means something; for the others it is ignored (the seed sends 0). */
export const PRIORITY_TYPES: readonly DnsRecordType[] = ['MX', 'SRV']

export function usesPriority(type: string): boolean {
  return (PRIORITY_TYPES as readonly string[]).includes(type)
}

export function normalizeContent(type: string, content: string, zone?: string): string {
  const c = typeof content === 'string' ? content : String(content ?? '')
  switch (type) {
    case 'A': return c.trim()
    case 'AAAA': return canonicalIPv6(c) ?? c.trim().toLowerCase()
    case 'CNAME':
    case 'NS':
    case 'MX': return normalizeTarget(c, zone)
    case 'SRV': return canonicalSrv(c, zone) ?? c.trim()
    case 'TXT': return canonicalTxt(c)
    case 'CAA': return canonicalCaa(c) ?? c.trim()
    default: return c.trim()
  }
}

/** A canonical copy (the id, if any, is kept). `priority` is dropped for types that don't use it. */
export function normalizeRecord(record: DnsRecord, zone?: string): DnsRecord {
  const type = String(record.type).toUpperCase() as DnsRecordType
  const out: DnsRecord = {
    type,
    name: normalizeName(String(record.name ?? ''), zone),
    content: normalizeContent(type, record.content, zone),
    ttl: record.ttl,
  }
  if (record.id !== undefined) out.id = record.id
  if (usesPriority(type) && record.priority !== undefined && record.priority !== null) out.priority = record.priority
  return out
}

/** name + type: what the API's PUT-with-overwrite and DELETE address. */
export function rrsetKey(record: Pick<DnsRecord, 'name' | 'type'>, zone?: string): string {
  return `${normalizeName(String(record.name ?? ''), zone)}\u0000${String(record.type).toUpperCase()}`
}

/**
 * Identity of one record's data: name + type + content (+ priority for MX/SRV). Two records with
 * the same key are the same DNS data even if their TTLs differ.
 */
export function recordKey(record: DnsRecord, zone?: string): string {
  // A merge keys the same record objects twice (applyOperations, then planChanges): remember
  // the key per object, checked against the fields it was made from in case one was edited.
  const seen = keyMemo.get(record)
  if (seen && seen.zone === zone && seen.name === record.name && seen.type === record.type && seen.content === record.content && seen.priority === record.priority) return seen.key
  const n = normalizeRecord(record, zone)
  const key = `${n.name}\u0000${n.type}\u0000${n.content}\u0000${n.priority ?? ''}`
  keyMemo.set(record, { zone, name: record.name, type: record.type, content: record.content, priority: record.priority, key })
  return key
}

const keyMemo = new WeakMap<DnsRecord, { zone: string | undefined, name: string, type: string, content: string, priority: number | null | undefined, key: string }>()
