/** Day-2 server operations (issue 16), as the API answers them. */
import { z } from 'zod'
import { obj, type View } from './define'

const isoOrNull = z.string().nullable()

export const metricPoint = obj({
  t: z.string().meta({ description: 'ISO time of the sample' }),
  cpu_percent: z.number().nullable(),
  memory_mb: z.number().nullable(),
  disk_mb: z.number().nullable(),
  net_in_bytes: z.number().nullable().meta({ description: 'Received in the sample\'s interval' }),
  net_out_bytes: z.number().nullable().meta({ description: 'Sent in the sample\'s interval' }),
}).meta({ id: 'MetricPoint', description: 'One usage sample; a series the provider does not keep is null' })

export const serverMetrics = obj({
  from: z.string(),
  to: z.string(),
  uptime_s: z.number().nullable(),
  series: z.array(metricPoint),
}).meta({ id: 'ServerMetrics', description: 'Usage over a time range' })
export type ServerMetricsView = View<typeof serverMetrics>

export const serverSnapshot = obj({
  id: z.string(),
  created_at: isoOrNull,
  expires_at: isoOrNull,
  restore_time_s: z.number().nullable().meta({ description: 'The provider\'s estimate of a restore' }),
}).meta({ id: 'ServerSnapshot', description: 'A copy of the disk kept by the provider' })
export type ServerSnapshotView = View<typeof serverSnapshot>

export const serverBackup = obj({
  id: z.string(),
  created_at: isoOrNull,
  size_bytes: z.number().nullable(),
  location: z.string().nullable(),
  restore_time_s: z.number().nullable(),
}).meta({ id: 'ServerBackup', description: 'A backup the provider took' })
export type ServerBackupView = View<typeof serverBackup>

export const ptrEntry = obj({ ip: z.string(), domain: z.string().nullable() }).meta({ id: 'PtrRecord', description: 'Reverse DNS of one address' })
export type PtrEntryView = View<typeof ptrEntry>

export const providerAction = obj({
  id: z.string(),
  name: z.string(),
  state: z.enum(['done', 'failed', 'running']),
  raw_state: z.string(),
  created_at: isoOrNull,
  updated_at: isoOrNull,
}).meta({ id: 'ProviderAction', description: 'One entry of the provider\'s action log for a server' })
export type ProviderActionView = View<typeof providerAction>

export const serverFeatures = obj({
  features: z.array(z.string()).nullable().meta({ description: 'What the plan grants the caller on this server; null = everything (admins)' }),
}).meta({ id: 'ServerFeatures' })

export const ptrCheck = obj({
  ip: z.string(),
  domain: z.string().nullable().meta({ description: 'The address\'s reverse DNS (PTR) host name' }),
  record_type: z.enum(['A', 'AAAA']),
  status: z.enum(['confirmed', 'mismatch', 'missing', 'no_ptr', 'unknown']).meta({ description: 'confirmed: the name resolves to the address; mismatch: to others only; missing: to nothing; no_ptr: no reverse DNS set; unknown: none of our zones holds it (and no resolver asked, or it failed)' }),
  source: z.enum(['zone', 'resolver']).nullable(),
  addresses: z.array(z.string()).meta({ description: 'What the name resolves to' }),
  zone: obj({ provider: z.string().optional().meta({ description: 'Admins only: a customer addresses the zone by its name (white label)' }), domain: z.string(), name: z.string().meta({ description: 'Relative to the zone; @ is the zone itself' }) }).nullable()
    .meta({ description: 'Our zone holding the name, when the caller may edit it (create the record there)' }),
}).meta({ id: 'PtrForwardCheck', description: 'Whether an address\'s reverse DNS name resolves back to it' })
export type PtrCheckView = View<typeof ptrCheck>

export const activityEntry = obj({
  id: z.string(),
  at: z.string().nullable(),
  source: z.enum(['panel', 'provider']).meta({ description: 'panel: our audit log; provider: the hosting platform\'s own log' }),
  action: z.string().meta({ description: 'Ours: `server.<what>`; the platform\'s: its action name' }),
  state: z.enum(['done', 'failed', 'running']),
  actor: obj({
    kind: z.enum(['you', 'user', 'support', 'system', 'platform']),
    email: z.string().nullable().meta({ description: 'Admins only: who it was' }),
  }),
  details: z.record(z.string(), z.unknown()).nullable().meta({ description: 'What was changed (addresses, plan, snapshot…); never secrets' }),
}).meta({ id: 'ServerActivityEntry' })
export type ActivityEntryView = View<typeof activityEntry>

export const activityPage = obj({
  items: z.array(activityEntry),
  total: z.number(),
  page: z.number(),
  per_page: z.number(),
  platform_error: z.string().nullable().meta({ description: 'Set when the platform\'s own log could not be read (ours is still shown)' }),
}).meta({ id: 'ServerActivity', description: 'The platform\'s action log merged with ours, newest first' })
export type ActivityPageView = View<typeof activityPage>

export const backupPlanView = obj({
  plan: obj({ id: z.string(), name: z.string().nullable() }).nullable(),
}).meta({ id: 'ServerBackupPlan' })
export type BackupPlanView = View<typeof backupPlanView>
