/**
 * The DNS record model, shared by the adapter contract (server/providers/types.ts re-exports it)
 * and the browser's validators. It lives here because the server file imports server-only code.
 */
export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA'] as const
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number]
export interface DnsRecord {
  /** `name/type/index`, stable within one read of a zone (seed format). */
  id?: string
  type: DnsRecordType
  /** Relative to the zone; "@" is the zone itself. */
  name: string
  content: string
  /** Seconds. */
  ttl: number
  /** MX and SRV only (0–65535); other types ignore it. */
  priority?: number
}

/** One problem with one field of one record, worded for the person filling the form. */
export interface FieldError {
  /** `name`, `type`, `content`, `ttl` or `priority` (the DnsRecord property to highlight). */
  field: string
  /** In English, for API clients. */
  message: string
  /** The sentence as a code and its specifics, for pages that translate (shared/dns/messages.ts). */
  code?: string
  params?: Record<string, string>
}

export type ValidationResult = { ok: true } | { ok: false, errors: FieldError[] }
