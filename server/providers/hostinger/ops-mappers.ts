/** Hostinger metrics, snapshots, backups and actions → our models. */
import type { MetricPoint, ProviderAction, ServerBackup, ServerMetrics, ServerSnapshot } from '../types'
import { num } from './mappers'
import type { HAction, HBackup, HMetrics, HMetricSeries, HSnapshot } from './upstream'

const MB = 1024 * 1024

/** A series in bytes (the spec's unit), or in the unit it says. */
function toBytes(series: HMetricSeries | null | undefined, v: number): number {
  const unit = series?.unit?.toLowerCase()
  if (unit === 'kb' || unit === 'kilobytes') return v * 1024
  if (unit === 'mb' || unit === 'megabytes') return v * MB
  return v
}

/** Every timestamp any series has, one point each; a series missing at a time is null there. */
export function mapMetrics(m: HMetrics): ServerMetrics {
  const series = { cpu: m.cpu_usage, ram: m.ram_usage, disk: m.disk_space, out: m.outgoing_traffic, in: m.incoming_traffic }
  const times = new Set<string>()
  for (const s of Object.values(series)) for (const k of Object.keys(s?.usage ?? {})) times.add(k)
  const at = (s: HMetricSeries | null | undefined, k: string) => num(s?.usage?.[k])
  const points: MetricPoint[] = [...times].filter(k => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b)).map((k) => {
    const ram = at(series.ram, k)
    const disk = at(series.disk, k)
    const rx = at(series.in, k)
    const tx = at(series.out, k)
    return {
      t: new Date(Number(k) * 1000).toISOString(),
      cpuPercent: at(series.cpu, k),
      memoryMb: ram === null ? null : Math.round(toBytes(series.ram, ram) / MB),
      diskMb: disk === null ? null : Math.round(toBytes(series.disk, disk) / MB),
      netInBytes: rx === null ? null : toBytes(series.in, rx),
      netOutBytes: tx === null ? null : toBytes(series.out, tx),
    }
  })
  // Uptime is in milliseconds; the latest sample is the one that matters.
  const up = Object.entries(m.uptime?.usage ?? {}).filter(([k]) => /^\d+$/.test(k)).sort((a, b) => Number(a[0]) - Number(b[0])).pop()
  const upMs = up ? num(up[1]) : null
  return { series: points, uptimeS: upMs === null ? null : Math.floor(upMs / 1000) }
}

export function mapSnapshot(s: HSnapshot): ServerSnapshot {
  return { id: String(s.id), createdAt: s.created_at ?? null, expiresAt: s.expires_at ?? null, restoreTimeS: num(s.restore_time) }
}

export function mapBackup(b: HBackup): ServerBackup {
  const kb = num(b.size)
  return { id: String(b.id), createdAt: b.created_at ?? null, sizeBytes: kb === null ? null : kb * 1024, location: b.location ?? null, restoreTimeS: num(b.restore_time) }
}

const ACTION_STATES: Record<string, ProviderAction['state']> = { success: 'done', error: 'failed', delayed: 'running', sent: 'running', created: 'running' }

export function mapAction(a: HAction): ProviderAction {
  return { id: String(a.id), name: a.name, state: ACTION_STATES[a.state] ?? 'running', rawState: a.state, createdAt: a.created_at ?? null, updatedAt: a.updated_at ?? null }
}
