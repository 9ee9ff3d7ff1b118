/**
 * Hostinger day-2 operations on a VM: metrics, the one snapshot, backups, PTR records, recovery
 * mode, the action log, hostname and nameservers. Every change answers an Action; its id is
 * passed on so the app can follow it.
 *
 * Retry safety: reads, PTR set/delete, hostname and nameservers leave the same VM however often
 * they run. Snapshot create/restore, backup restore and recovery are not retried (a retry would
 * take a second snapshot or restore twice).
 */
import { resultMessage } from '#shared/providers/action-results'
import { ProviderError, providerError } from '../errors'
import type { HttpClient } from '../http'
import type { ActionResult, HostSettingsInput, ProviderAction, ServerBackup, ServerMetrics, ServerSnapshot } from '../types'
import { PATHS } from './client'
import { mapAction, mapBackup, mapMetrics, mapSnapshot } from './ops-mappers'
import type { HAction, HBackup, HMetrics, HPage, HSnapshot, HVirtualMachine } from './upstream'

const MAX_PAGES = 20
/** Hostname then nameservers: the second waits for the first (up to 60 s). */
const SETTLE_POLLS = 120
const SETTLE_POLL_MS = 500

export function hostingerOps(http: HttpClient, name = 'Hostinger') {
  const vm = (id: string) => PATHS.vm(id)
  const done = (status: string, a: HAction | undefined): ActionResult =>
    ({ status, ...(a?.id ? { ...resultMessage('provider_action', { provider: name, id: a.id, state: String(a.state) }), actionId: String(a.id) } : {}) })
  /**
   * A 422 is about the VM's state (a conflict) when the call has no body, or when the VM turns out
   * locked by another action; otherwise it is about the fields sent.
   */
  async function send(status: string, method: 'POST' | 'PUT' | 'DELETE', path: string, json?: unknown, idempotent = true) {
    const id = decodeURIComponent(path.split('/')[5]!)
    try { return done(status, (await http.request<HAction>({ method, path, ...(json !== undefined ? { json } : {}), idempotent })).data) }
    catch (e) {
      if (!(e instanceof ProviderError) || e.upstreamStatus !== 422) throw e
      const locked = json === undefined || (await http.get<HVirtualMachine>(vm(id)).catch(() => undefined))?.actions_lock === 'locked'
      if (!locked) throw e
      throw providerError(name, 'conflict', e.message, { upstreamStatus: e.upstreamStatus, correlationId: e.correlationId })
    }
  }

  /** Until the action is no longer running (bounded): a VM takes one action at a time. */
  async function settle(id: string, actionId: string | undefined) {
    if (!actionId) return
    for (let i = 0; i < SETTLE_POLLS; i++) {
      const a = await http.get<HAction>(`${vm(id)}/actions/${actionId}`)
      if (a.state === 'success' || a.state === 'error') return
      await new Promise(r => setTimeout(r, SETTLE_POLL_MS))
    }
    throw providerError(name, 'timeout', `${name} action ${actionId} did not complete in time`)
  }

  /** The address's id on the VM (PTR paths take ids, our API takes addresses). */
  async function ipId(id: string, ip: string): Promise<number> {
    const v = await http.get<HVirtualMachine>(vm(id))
    const found = [...(v.ipv4 ?? []), ...(v.ipv6 ?? [])].find(a => a.address === ip)
    if (!found) throw providerError(name, 'invalid_request', `${ip} is not an address of ${name} VM ${id}`)
    return found.id
  }

  return {
    async getMetrics(id: string, range: { from: Date, to: Date }): Promise<ServerMetrics> {
      const res = await http.get<HMetrics>(`${vm(id)}/metrics`, {
        date_from: range.from.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        date_to: range.to.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      })
      if (!res || typeof res !== 'object') throw providerError(name, 'bad_response', `${name} answered the metrics with something that is not an object`)
      return mapMetrics(res)
    },

    async listSnapshots(id: string): Promise<ServerSnapshot[]> {
      try {
        const s = await http.get<HSnapshot>(`${vm(id)}/snapshot`)
        return s && s.id !== undefined && s.id !== null ? [mapSnapshot(s)] : []
      }
      catch (e) {
        if (!(e instanceof ProviderError) || e.code !== 'not_found') throw e
        // A 404 is "no snapshot" when the VM exists; reading it throws not_found for an unknown one.
        await http.get<HVirtualMachine>(vm(id))
        return []
      }
    },
    createSnapshot: (id: string) => send('snapshot started', 'POST', `${vm(id)}/snapshot`, undefined, false),
    restoreSnapshot: (id: string) => send('restoring', 'POST', `${vm(id)}/snapshot/restore`, undefined, false),
    deleteSnapshot: (id: string) => send('snapshot deleted', 'DELETE', `${vm(id)}/snapshot`),

    async listBackups(id: string): Promise<ServerBackup[]> {
      const out: ServerBackup[] = []
      for (let page = 1; page <= MAX_PAGES; page++) {
        const res = await http.get<HPage<HBackup>>(`${vm(id)}/backups`, { page })
        const data = Array.isArray(res?.data) ? res.data : []
        out.push(...data.map(mapBackup))
        const total = res?.meta?.total
        if (!data.length || (total !== undefined && out.length >= total)) break
      }
      return out
    },
    async restoreBackup(id: string, backupId: string) {
      if (!/^\d+$/.test(backupId)) throw providerError(name, 'invalid_request', `${name} backup ids are numbers (got "${backupId}")`)
      return send('restoring', 'POST', `${vm(id)}/backups/${backupId}/restore`, undefined, false)
    },

    async listPtr(id: string) {
      const v = await http.get<HVirtualMachine>(vm(id))
      return [...(v.ipv4 ?? []), ...(v.ipv6 ?? [])].map(a => ({ ip: a.address, domain: a.ptr ?? null }))
    },
    setPtr: async (id: string, ip: string, domain: string) => send('ptr set', 'POST', `${vm(id)}/ptr/${await ipId(id, ip)}`, { domain }),
    deletePtr: async (id: string, ip: string) => send('ptr deleted', 'DELETE', `${vm(id)}/ptr/${await ipId(id, ip)}`),

    startRecovery: (id: string, rootPassword: string) => send('recovery starting', 'POST', `${vm(id)}/recovery`, { root_password: rootPassword }, false),
    stopRecovery: (id: string) => send('recovery stopping', 'DELETE', `${vm(id)}/recovery`),

    async listActions(id: string): Promise<ProviderAction[]> {
      const res = await http.get<HPage<HAction>>(`${vm(id)}/actions`, { page: 1 })
      return (Array.isArray(res?.data) ? res.data : []).map(mapAction)
    },

    async updateHostSettings(id: string, input: HostSettingsInput): Promise<ActionResult> {
      const notes: string[] = []
      let last: ActionResult | undefined
      if (input.hostname !== undefined) {
        last = await send('hostname set', 'PUT', `${vm(id)}/hostname`, { hostname: input.hostname })
        notes.push(last.message ?? '')
        if (input.nameservers !== undefined) await settle(id, last.actionId)
      }
      if (input.nameservers !== undefined) {
        const [ns1, ns2, ns3, ...more] = input.nameservers
        if (!ns1 || more.length) throw providerError(name, 'invalid_request', `${name} takes one to three nameservers`)
        last = await send('nameservers set', 'PUT', `${vm(id)}/nameservers`, { ns1, ...(ns2 ? { ns2 } : {}), ...(ns3 ? { ns3 } : {}) })
        notes.push(last.message ?? '')
      }
      const message = notes.filter(Boolean).join('; ')
      return { status: 'settings updated', ...(message ? { message } : {}), ...(last?.actionId ? { actionId: last.actionId } : {}) }
    },
  }
}
