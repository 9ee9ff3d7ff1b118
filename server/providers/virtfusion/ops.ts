/**
 * VirtFusion day-2 operations: traffic per monthly period (its only usage series), the backup
 * list, and renaming a server. The spec has no restore, snapshots, reverse DNS or recovery.
 */
import { resultMessage } from '#shared/providers/action-results'
import { NotSupportedError, providerError } from '../errors'
import type { ActionResult, HostSettingsInput, MetricPoint, ServerBackup, ServerMetrics } from '../types'
import type { VirtfusionApi } from './client'
import { DISPLAY_NAME } from './metadata'

type Obj = Record<string, any>

/** "2025-01-06 00:00:00" (the panel's UTC wording) or ISO → ms; NaN when neither. */
const parseStamp = (v: unknown) => (typeof v === 'string' ? Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`) : Number.NaN)
const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null)

export function virtfusionOps(api: VirtfusionApi, serverId: (id: string) => number) {
  return {
    /** One point per monthly period overlapping the range, at its start: received and sent bytes. */
    async getMetrics(id: string, range: { from: Date, to: Date }): Promise<ServerMetrics> {
      const res = await api.get<Obj>(`/servers/${serverId(id)}/traffic`)
      const periods = res?.data?.monthly
      if (!Array.isArray(periods)) throw providerError(DISPLAY_NAME, 'bad_response', 'VirtFusion answered the traffic without monthly periods')
      const series: MetricPoint[] = periods
        .map((p: Obj) => ({ p, start: parseStamp(p.start), end: parseStamp(p.end) }))
        .filter(x => Number.isFinite(x.start) && x.start <= range.to.getTime() && (!Number.isFinite(x.end) || x.end >= range.from.getTime()))
        .sort((a, b) => a.start - b.start)
        .map(({ p, start }) => ({ t: new Date(start).toISOString(), cpuPercent: null, memoryMb: null, diskMb: null, netInBytes: count(p.rx), netOutBytes: count(p.tx) }))
      return { series, uptimeS: null }
    },

    async listBackups(id: string): Promise<ServerBackup[]> {
      const res = await api.get<Obj>(`/backups/server/${serverId(id)}`)
      const list = Array.isArray(res?.data) ? res.data : []
      return list
        .filter((b: Obj) => b.complete !== false && !b.deleting)
        .map((b: Obj) => ({ id: String(b.id), createdAt: typeof b.created === 'string' ? new Date(parseStamp(b.created)).toISOString() : null, sizeBytes: null, location: typeof b.storage?.name === 'string' ? b.storage.name : null, restoreTimeS: null }))
        .sort((a: ServerBackup, b: ServerBackup) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
    },

    /** The server's name is what VirtFusion lets us change; nameservers it has none of. */
    async updateHostSettings(id: string, input: HostSettingsInput): Promise<ActionResult> {
      if (input.nameservers !== undefined) throw new NotSupportedError(DISPLAY_NAME, 'setting nameservers', 'only the server\'s name can be changed')
      if (!input.hostname) throw providerError(DISPLAY_NAME, 'invalid_request', 'VirtFusion needs a name')
      await api.request({ method: 'PUT', path: `/servers/${serverId(id)}/modify/name`, json: { name: input.hostname }, idempotent: true })
      return { status: 'renamed', ...resultMessage('renamed', { provider: DISPLAY_NAME, hostname: input.hostname }) }
    },
  }
}
