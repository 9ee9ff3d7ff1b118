/** DNS zones, records, plans and history, as the API answers them. */
import { z } from 'zod'
import { DNS_RECORD_TYPES } from '../dns/types'
import { ownerRef, personRef } from './common'
import { isoDate, obj, type View } from './define'

export const dnsRecord = obj({
  id: z.string().optional(),
  type: z.enum(DNS_RECORD_TYPES),
  name: z.string(),
  content: z.string(),
  ttl: z.number(),
  priority: z.number().optional(),
}).meta({ id: 'DnsRecord' })

export const dnsPlan = obj({
  adds: z.array(dnsRecord),
  changes: z.array(obj({ before: dnsRecord, after: dnsRecord })),
  deletes: z.array(dnsRecord),
  unchanged: z.number().int().meta({ description: 'How many records stay as they are' }),
  zone_size: z.number().int().meta({ description: 'Records in the live zone when the plan was made' }),
  summary: z.string().meta({ description: '"1 to add, 2 to change (9 unchanged)" or "No changes"' }),
}).meta({ id: 'DnsPlan', description: 'What a change does to the live zone' })
/** The API's plan (records in full, unchanged ones only counted). */
export type PlanView = View<typeof dnsPlan>

/** DNS writes: the seed's `{ status }`, plus the plan; `status: planned` for a dry run. */
export const dnsChangeAnswer = (status: string) => obj({
  status: z.enum([status, 'planned']),
  plan: dnsPlan,
  changed: z.boolean().optional(),
  destructive: z.boolean().optional(),
  snapshot_id: z.string().optional(),
  note: z.string().optional(),
})
export type DnsChangeAnswer = View<ReturnType<typeof dnsChangeAnswer>>

const ADMINS_ONLY = { description: 'Admins only: a customer addresses the zone by its name alone (white label)' }

export const zoneRow = obj({
  provider: z.string().optional().meta(ADMINS_ONLY),
  provider_type: z.string().optional().meta(ADMINS_ONLY),
  provider_display_name: z.string().optional().meta(ADMINS_ONLY),
  domain: z.string(),
  record_count: z.number().nullable().meta({ description: 'Null when not counted (many zones) or the zone could not be read' }),
  zone_error: z.string().optional(),
  domain_status: z.string().optional(),
  expires_at: isoDate.nullable().optional(),
  owner: ownerRef.nullable(),
})
export type ZoneRow = View<typeof zoneRow>

export const zoneAccountError = obj({ provider: z.string().optional().meta(ADMINS_ONLY), provider_display_name: z.string().optional().meta(ADMINS_ONLY), error: z.string(), code: z.string().optional() })
export type AccountError = View<typeof zoneAccountError>

export const zoneList = obj({ zones: z.array(zoneRow), errors: z.array(zoneAccountError) })
export type ZoneList = View<typeof zoneList>

export const dnsSnapshot = obj({
  id: z.string(),
  source: z.enum(['panel', 'provider']),
  reason: z.string().nullable(),
  created_at: isoDate,
  created_by: personRef.nullable(),
  record_count: z.number().int().nullable().meta({ description: 'Null where the list does not say (provider snapshots: read one to see its records)' }),
})
export type SnapshotView = View<typeof dnsSnapshot>

export const snapshotList = obj({ snapshots: z.array(dnsSnapshot), provider_error: z.string().optional() })
export type SnapshotList = View<typeof snapshotList>
