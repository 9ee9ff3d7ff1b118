/**
 * Day-2 operations of one server (graphs, snapshots, backups, reverse DNS, recovery, the action
 * log, host settings), as the server page's tabs call them. Shapes: shared/schemas/server-ops.ts.
 */
import { defineStore } from 'pinia'
import { zoneApi } from '~/stores/dns'
import type { ActivityEntryView, ActivityPageView, BackupPlanView, ProviderActionView, PtrCheckView, PtrEntryView, ServerBackupView, ServerMetricsView, ServerSnapshotView } from '~~/shared/schemas/server-ops'

export type { ActivityEntryView, ActivityPageView, BackupPlanView, ProviderActionView, PtrCheckView, PtrEntryView, ServerBackupView, ServerMetricsView, ServerSnapshotView }

/** What a change answers: `action_id` is the provider's action to follow until it is done. */
export interface OpResult { status: string, message?: string, code?: string, params?: Record<string, string | number>, action_id?: string }

const POLL_MS = 1500
const WAIT_MAX_MS = 10 * 60_000

export const useServerOpsStore = defineStore('serverOps', () => {
  const at = (id: string, what: string) => `/api/servers/${encodeURIComponent(id)}/${what}`
  const send = (id: string, what: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body?: unknown) =>
    $fetch<OpResult>(at(id, what), { method, ...(body !== undefined ? { body } : {}) })

  /**
   * Resolves once the provider's action is no longer running (polling its action log), with its
   * final state; at once when the change has no action to follow.
   */
  async function waitForAction(id: string, actionId: string | undefined, alive: () => boolean = () => true): Promise<'done' | 'failed' | 'unknown'> {
    if (!actionId) return 'done'
    const until = Date.now() + WAIT_MAX_MS
    while (alive() && Date.now() < until) {
      const log = await $fetch<ProviderActionView[]>(at(id, 'actions'))
      const a = log.find(x => x.id === actionId)
      if (a && a.state !== 'running') return a.state
      await new Promise(r => setTimeout(r, POLL_MS))
    }
    return 'unknown'
  }

  return {
    features: (id: string) => $fetch<{ features: string[] | null }>(at(id, 'features')),
    metrics: (id: string, from: string, to: string) => $fetch<ServerMetricsView>(at(id, 'metrics'), { query: { from, to } }),
    snapshots: (id: string) => $fetch<ServerSnapshotView[]>(at(id, 'snapshots')),
    createSnapshot: (id: string) => send(id, 'snapshots', 'POST'),
    restoreSnapshot: (id: string) => send(id, 'snapshots/restore', 'POST'),
    deleteSnapshot: (id: string) => send(id, 'snapshots', 'DELETE'),
    backups: (id: string) => $fetch<ServerBackupView[]>(at(id, 'backups')),
    restoreBackup: (id: string, backup: string) => send(id, `backups/${encodeURIComponent(backup)}/restore`, 'POST'),
    ptr: (id: string) => $fetch<PtrEntryView[]>(at(id, 'ptr')),
    setPtr: (id: string, ip: string, domain: string) => send(id, 'ptr', 'PUT', { ip, domain }),
    deletePtr: (id: string, ip: string) => send(id, 'ptr', 'DELETE', { ip }),
    startRecovery: (id: string, rootPassword: string) => send(id, 'recovery', 'POST', { root_password: rootPassword }),
    stopRecovery: (id: string) => send(id, 'recovery', 'DELETE'),
    actions: (id: string) => $fetch<ProviderActionView[]>(at(id, 'actions')),
    updateSettings: (id: string, body: { hostname?: string, nameservers?: string[] }) => send(id, 'settings', 'PATCH', body),
    ptrCheck: (id: string, ip: string, resolve = false) => $fetch<PtrCheckView>(at(id, 'ptr/check'), { query: { ip, ...(resolve ? { resolve: 'true' } : {}) } }),
    /** Creates the A/AAAA record of a reverse-DNS name in our zone that holds it. */
    createForwardRecord: async (c: PtrCheckView): Promise<void> => {
      if (!c.zone) throw new Error('no zone')
      const url: string = zoneApi(c.zone)
      await $fetch<unknown>(url, { method: 'POST', body: { type: c.record_type, name: c.zone.name, content: c.ip, ttl: 3600 } })
    },
    // One key per dialog: a retried click answers the first request instead of buying again.
    addIps: (id: string, quantity: number, key: string) => $fetch<(OpResult & { addresses: string[] }) | { status: string, intent: { id: string, state: string } }>(at(id, 'ips'), { method: 'POST', body: { quantity }, headers: { 'Idempotency-Key': key } }),
    removeIp: (id: string, ip: string) => send(id, 'ips', 'DELETE', { ip }),
    backupPlan: (id: string) => $fetch<BackupPlanView>(at(id, 'backup-plan')),
    setBackupPlan: (id: string, planId: string | null) => send(id, 'backup-plan', 'PUT', { plan_id: planId }),
    activity: (id: string, page: number, perPage: number) => $fetch<ActivityPageView>(at(id, 'activity'), { query: { page, per_page: perPage } }),
    waitForAction,
  }
})
