/** Answer shapes several route groups share (what the services return, as JSON). */
import { z } from 'zod'
import { isoDate, obj } from './define'

// The shapes the browser reads too live in shared/schemas (one contract for both sides).
export { personRef } from '#shared/schemas/common'
export { dnsChangeAnswer, dnsRecord } from '#shared/schemas/dns'
export { domain } from '#shared/schemas/domains'
export { osTemplate as template, server } from '#shared/schemas/servers'

/** The seed's VM shape. */
export const seedVm = obj({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  plan: z.string().nullable().optional(),
  region: z.string().nullable().optional(),
  ipv4: z.string().nullable().optional(),
  ipv6: z.string().nullable().optional(),
  os: z.string().nullable().optional(),
  cpus: z.number().nullable().optional(),
  memory_mb: z.number().nullable().optional(),
  disk_gb: z.number().nullable().optional(),
  bandwidth_gb: z.number().nullable().optional(),
  created_at: isoDate.nullable().optional(),
  labels: z.record(z.string(), z.string()).optional(),
}).meta({ id: 'Vm' })

export const upstreamSshKey = obj({ id: z.string(), name: z.string(), fingerprint: z.string().nullable(), public_key: z.string().nullable() }).meta({ id: 'ProviderSshKey' })

/** What an adapter said about a change, as a code beside the English `message` (shared/providers/action-results.ts). */
export const resultCode = {
  code: z.string().optional().meta({ description: 'The `message` as a code (`queued_task`, `deletion_scheduled`, `provider_said`, …), for clients that translate it' }),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional().meta({ description: 'The specifics `message` is made of (provider, id, count, text…)' }),
}
