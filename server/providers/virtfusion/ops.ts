/**
 * VirtFusion day-2 operations: traffic per monthly period (its only usage series), the backup
 * list, renaming a server, adding and removing IPv4 addresses (POST /servers/{id}/ipv4Qty, POST and
 * DELETE /servers/{id}/ipv4) and the backup plan (PUT /servers/{id}/backups/plan/{planId}, 0
 * removes it). The spec has no restore, snapshots, reverse DNS or recovery.
 *
 * Retry safety: adding addresses is never retried (a retry would add more, and each may be billed);
 * removing named addresses and setting a plan leave the same server however often they run.
 */
import { resultMessage } from '#shared/providers/action-results'
import { NotSupportedError, providerError } from '../errors'
import type { ActionResult, BackupPlan, HostSettingsInput, IpAddInput, MetricPoint, NetworkInterface, ServerBackup, ServerMetrics } from '../types'
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

    /** A number of free addresses (VirtFusion picks and answers them), or the named ones (204, re-read to confirm). */
    async addIpv4(id: string, input: IpAddInput): Promise<ActionResult & { addresses: string[] }> {
      const sid = serverId(id)
      if ('quantity' in input) {
        const res = await api.request<Obj>({ method: 'POST', path: `/servers/${sid}/ipv4Qty`, json: { interface: input.interface, quantity: input.quantity }, idempotent: false })
        const added = Array.isArray(res?.data) ? res.data.filter((a: unknown): a is string => typeof a === 'string') : []
        return { status: 'addresses added', message: `${added.length} IPv4 address(es) added`, addresses: added }
      }
      await api.request({ method: 'POST', path: `/servers/${sid}/ipv4`, json: { interface: input.interface, ip: input.addresses }, idempotent: false })
      return { status: 'addresses added', message: `${input.addresses.length} IPv4 address(es) added`, addresses: input.addresses }
    },

    async removeIpv4(id: string, iface: NetworkInterface, addresses: string[]): Promise<ActionResult> {
      await api.request({ method: 'DELETE', path: `/servers/${serverId(id)}/ipv4`, json: { interface: iface, ip: addresses }, idempotent: true })
      return { status: 'addresses removed', message: `${addresses.length} IPv4 address(es) removed` }
    },

    /** The server record's `backupPlan` ({id, name}; id null: none). */
    async getBackupPlan(id: string): Promise<BackupPlan | null> {
      const res = await api.get<Obj>(`/servers/${serverId(id)}`)
      const plan = res?.data?.backupPlan
      if (!plan || plan.id === null || plan.id === undefined || plan.id === 0) return null
      return { id: String(plan.id), name: typeof plan.name === 'string' ? plan.name : null }
    },

    async setBackupPlan(id: string, planId: string | null): Promise<ActionResult> {
      const plan = planId === null ? 0 : Number(planId)
      if (!Number.isInteger(plan) || plan < 0) throw providerError(DISPLAY_NAME, 'invalid_request', `A VirtFusion backup plan id is a whole number, not "${planId}"`)
      await api.request({ method: 'PUT', path: `/servers/${serverId(id)}/backups/plan/${plan}`, idempotent: true })
      return { status: plan ? 'backup plan set' : 'backup plan removed', message: plan ? `Backup plan ${plan} assigned` : 'Backup plan removed' }
    },
  }
}
