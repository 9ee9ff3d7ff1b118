/** Request shapes of the DNS routes. Record *content* rules live in shared/dns/validate.ts. */
import { z } from 'zod'
import { DNS_RECORD_TYPES, type DnsRecord, type DnsRecordType } from '#shared/dns/types'

/** TTL when a client leaves it out (the seed's examples always send one). */
export const DEFAULT_TTL = 3600

/**
 * One record as clients send it. Loose on purpose: the per-type checks (validateRecord) word
 * the problems better than a schema could, and report all of them per record.
 */
export const recordInput = z.object({
  id: z.string().max(300).optional(),
  type: z.string({ error: `type is required: one of ${DNS_RECORD_TYPES.join(', ')}` }).trim().toUpperCase(),
  name: z.string({ error: 'name is required (use "@" for the domain itself)' }).max(300),
  content: z.string({ error: 'content is required' }).max(70000),
  ttl: z.number({ error: 'ttl must be a number of seconds' }).optional(),
  // The seed sends "priority": 0 (or null) on records that have none.
  priority: z.number({ error: 'priority must be a number' }).nullish(),
})
export type RecordInput = z.infer<typeof recordInput>

export function toRecord(r: RecordInput): DnsRecord {
  const type = r.type as DnsRecordType
  const out: DnsRecord = { type, name: r.name, content: r.content, ttl: r.ttl ?? DEFAULT_TTL }
  const usesPriority = type === 'MX' || type === 'SRV'
  if (r.priority !== null && r.priority !== undefined && (usesPriority || r.priority !== 0)) out.priority = r.priority
  return out
}

const rrset = z.object({
  name: z.string().trim().min(1, 'name is required (use "@" for the domain itself)').max(300),
  type: z.string().trim().toUpperCase().pipe(z.enum(DNS_RECORD_TYPES, { error: `type must be one of ${DNS_RECORD_TYPES.join(', ')}` })),
})

/** `?dry_run=1`, `?force=true`: query flags as people type them. */
const flag = z.union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'yes', 'no', ''])])
  .optional()
  .transform(v => v === true || v === '1' || v === 'true' || v === 'yes' || (v === '' ? true : false))

export const flagsQuery = z.object({ dry_run: flag, force: flag })
export const forceBody = z.object({ force: z.boolean().optional(), dry_run: z.boolean().optional() })

export const addBody = recordInput.extend({ force: z.boolean().optional() })

/**
 * PUT: `records` with `overwrite: true` replace every existing record with the same name AND
 * type as one of them (other names and types stay); without overwrite they are added (a record
 * identical to an existing one only updates its TTL). Extension: `delete` removes whole
 * name+type sets in the same change (one plan, one snapshot).
 */
export const putBody = z.object({
  records: z.array(recordInput, { error: 'records must be a list of records' }).max(2000).default([]),
  overwrite: z.boolean({ error: 'overwrite must be true or false: true replaces the existing records with the same name AND type as the records sent (other names and types stay); false adds them' }).default(false),
  delete: z.array(rrset).max(2000).default([]),
  force: z.boolean().optional(),
}).refine(b => b.records.length + b.delete.length > 0, { message: 'Send at least one record (with overwrite: true they replace the records of the same name and type), or a name and type in "delete"', path: ['records'] })

export const deleteQuery = rrset.extend({ dry_run: flag, force: flag })

export const importBody = z.object({
  zone_file: z.string({ error: 'zone_file is required: the text of a BIND zone file' }).max(1_000_000, 'The zone file is too large (1 MB at most)'),
  mode: z.enum(['replace', 'merge'], { error: 'mode must be "replace" (the zone becomes the file) or "merge" (the file\'s records are added)' }).default('merge'),
  dry_run: z.boolean().optional(),
  force: z.boolean().optional(),
})

export const assignBody = z.object({ owner_id: z.string().uuid('owner_id must be a user id') })
