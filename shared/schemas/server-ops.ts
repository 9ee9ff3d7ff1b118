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
