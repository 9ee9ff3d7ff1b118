import type { DnsRecord, DnsRecordType } from '../../../shared/dns/types'

/** A record with a default TTL, to keep test tables short. */
export function rec(type: DnsRecordType, name: string, content: string, extra: Partial<DnsRecord> = {}): DnsRecord {
  return { type, name, content, ttl: 3600, ...extra }
}
