/** Day-2 server operations (issue 16): the bodies and queries of /api/servers/{id}/… and the seed's …/vms/{id}/…. */
import { z } from 'zod'
import { httpError } from '../lib/http-errors'
import { uuidParam } from '../utils/schemas'
import { vmParams } from './hosting'

const HOSTNAME = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/i
const hostname = z.string().trim().toLowerCase().regex(HOSTNAME, 'Not a valid host name (e.g. web-1.example.com)')
const ip = z.union([z.ipv4(), z.ipv6()], { error: 'Not a valid IP address' })

const DAY_MS = 86_400_000
/** At most 31 days per read: longer ranges are several reads. */
export const MAX_METRICS_RANGE_MS = 31 * DAY_MS

export const metricsQuery = z.object({
  from: z.iso.datetime({ offset: true, error: 'from: an ISO date-time, e.g. 2026-01-01T00:00:00Z' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'to: an ISO date-time, e.g. 2026-01-02T00:00:00Z' }).optional(),
})

/** The range a metrics query asks for: the last 24 hours by default; 400 when backwards or too long. */
export function metricsRange(q: z.infer<typeof metricsQuery>): { from: Date, to: Date } {
  const to = q.to ? new Date(q.to) : new Date()
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DAY_MS)
  if (from >= to) throw httpError(400, 'from must be before to', 'invalid_input')
  if (to.getTime() - from.getTime() > MAX_METRICS_RANGE_MS) throw httpError(400, 'At most 31 days per read', 'invalid_input')
  return { from, to }
}

export const ptrBody = z.object({ ip, domain: hostname }).strict()
export const ptrDeleteBody = z.object({ ip }).strict()
export const recoveryBody = z.object({ root_password: z.string().min(8, 'At least 8 characters').max(200) }).strict()
export const settingsBody = z.object({
  hostname: hostname.optional(),
  nameservers: z.array(ip).min(1, 'At least one nameserver').max(3, 'At most three nameservers').optional(),
}).strict().refine(b => b.hostname !== undefined || b.nameservers !== undefined, 'Give hostname or nameservers')

export const backupParams = z.object({ id: uuidParam, backup: z.string().trim().min(1).max(100).regex(/^[\w.-]+$/, 'Not a valid backup id') })
export const vmBackupParams = vmParams.extend({ backup: z.string().trim().min(1).max(100).regex(/^[\w.-]+$/, 'Not a valid backup id') })

const iface = z.enum(['primary', 'secondary'], { error: 'interface: primary or secondary' }).default('primary')
/** Add addresses: `quantity` free ones, or (admins) the `addresses` named. */
export const ipAddBody = z.object({
  interface: iface,
  quantity: z.number().int('A whole number').min(1, 'At least 1').max(8, 'At most 8 at a time').optional(),
  addresses: z.array(z.ipv4({ error: 'Not a valid IPv4 address' })).min(1).max(16, 'At most 16 at a time').optional(),
}).strict().refine(b => (b.quantity === undefined) !== (b.addresses === undefined), 'Give quantity or addresses (one of them)')
export const ipDeleteBody = z.object({ ip: z.ipv4({ error: 'Not a valid IPv4 address' }), interface: iface }).strict()
export const backupPlanBody = z.object({
  plan_id: z.string().trim().regex(/^\d{1,9}$/, 'A backup plan id (digits)').nullable().meta({ description: 'The provider\'s backup plan id; null removes the plan' }),
}).strict()
export const ptrCheckQuery = z.object({
  ip,
  resolve: z.enum(['true', 'false']).optional().transform(v => v === 'true').meta({ description: 'Ask a public resolver when none of our zones holds the name' }),
})
export const activityQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
})
