/**
 * The server inventory (one page of it, as the table asks) and the calls the server pages make.
 * Shapes are the API contract's (shared/schemas/servers.ts).
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Cap, ServerAction } from '~/utils/servers'
import type { AccountFreshness, DatacenterView, OsTemplate, PlanOffer, ServerList, ServerView } from '~~/shared/schemas/servers'

export type { AccountFreshness, ServerView }

export interface ServerQuery {
  page: number
  per_page: number
  sort?: string
  q?: string
  provider?: string | null
  account?: string | null
  status?: string | null
  owner?: string | null
  /** 'true': only the servers deleted upstream; otherwise the API leaves them out. */
  deleted?: 'true'
}

/** A plan as the wizard shows it: the inventory's unit names (memory_mb, disk_gb), so one formatter reads servers and plans. */
export type Plan = Omit<PlanOffer, 'region'> & { region: string | null }
export type Template = OsTemplate & { family: string | null }
export type Datacenter = DatacenterView
export interface KeychainKey { id: string, name: string, fingerprint: string | null, public_key: string }
export interface SshKeyInput { name: string, public_key: string }

export interface Customer { id: string, name: string, email: string }
/** What a change answers: the adapter's English `message`, and the same as `code` + `params` (shared/providers/action-results.ts). */
export interface ActionAnswer { status: string, message?: string, code?: string, params?: Record<string, string | number> }
export interface BulkResult { server: ServerView, ok: boolean, message: string }

export const toPlan = (p: PlanOffer): Plan => ({ ...p, region: p.region ?? null })
export const toTemplate = (t: OsTemplate): Template => ({ ...t, family: t.family ?? null })

/** The provider routes take the account slug; the contract calls it {provider}. */
const providerPath = (slug: string, what: string) => `/api/hosting/providers/${encodeURIComponent(slug)}/${what}`

export const useServersStore = defineStore('servers', () => {
  const items = ref<ServerView[]>([])
  const total = ref(0)
  const accounts = ref<AccountFreshness[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')
  let seq = 0

  /** The newest request wins: a slow answer to an older filter must not overwrite a newer one. */
  async function load(query: ServerQuery) {
    const mine = ++seq
    loading.value = true
    error.value = ''
    try {
      const params: Record<string, string | number> = { page: query.page, per_page: query.per_page }
      for (const k of ['sort', 'q', 'provider', 'account', 'status', 'owner', 'deleted'] as const) {
        const v = query[k]
        if (v !== undefined && v !== null && v !== '') params[k] = v
      }
      const res = await $fetch<ServerList>('/api/servers', { query: params })
      if (mine !== seq) return
      // Rows carry no capability map: put each account's back on its servers for the menus.
      const caps = new Map<string, Record<string, Cap>>((res.accounts ?? []).map(a => [a.slug, a.capabilities ?? {}]))
      items.value = res.items.map(s => ({ ...s, capabilities: s.capabilities ?? caps.get(s.account?.slug ?? '') ?? {} }))
      total.value = res.total
      accounts.value = (res.accounts ?? []).filter((a): a is AccountFreshness => a.server_count !== undefined)
      loaded.value = true
    }
    catch (e) {
      if (mine === seq) error.value = errorMessage(e)
    }
    finally {
      if (mine === seq) loading.value = false
    }
  }

  const get = (id: string, refresh = false) =>
    $fetch<ServerView>(`/api/servers/${id}`, { query: refresh ? { refresh: 1 } : undefined })

  const sync = (account?: string) =>
    $fetch<{ status: string, accounts?: AccountFreshness[] }>('/api/servers/sync', { method: 'POST', body: { account, wait: true } })

  const act = (id: string, action: ServerAction) =>
    $fetch<ActionAnswer>(`/api/servers/${id}/actions/${action}`, { method: 'POST' })

  /** Every server is tried; one refusal does not stop the others. */
  async function bulk(servers: ServerView[], action: ServerAction): Promise<BulkResult[]> {
    return Promise.all(servers.map(async (server) => {
      try {
        const res = await act(server.id, action)
        return { server, ok: true, message: res.status }
      }
      catch (e) { return { server, ok: false, message: errorMessage(e) } }
    }))
  }

  const assignOwner = (id: string, ownerId: string | null) =>
    $fetch<ServerView>(`/api/servers/${id}`, { method: 'PATCH', body: { owner_id: ownerId } })

  const reinstall = (id: string, body: { template: string, ssh_keys?: SshKeyInput[], password?: string, hostname?: string, dry_run?: boolean }) =>
    $fetch<ActionAnswer>(`/api/servers/${id}/reinstall`, { method: 'POST', body })

  const resize = (id: string, body: { plan: string, resize_disk?: boolean }) =>
    $fetch<ActionAnswer>(`/api/servers/${id}/resize`, { method: 'POST', body })

  const destroy = (id: string, delay?: number) =>
    $fetch<ActionAnswer>(`/api/servers/${id}`, { method: 'DELETE', query: delay ? { delay } : undefined })

  const rootPassword = (id: string) =>
    $fetch<{ username: string, password: string }>(`/api/servers/${id}/root-password`, { method: 'POST' })

  const create = (key: string, body: { account: string, plan: string, data_center_id?: string, template: string, hostname: string, password?: string, ssh_keys?: SshKeyInput[], owner_id?: string | null }) =>
    $fetch<{ server: ServerView | null, intent: { id: string, state: string } }>('/api/servers', { method: 'POST', body, headers: { 'Idempotency-Key': key } })

  async function plans(slug: string) {
    return (await $fetch<PlanOffer[]>(providerPath(slug, 'plans'))).map(toPlan)
  }
  /** Templates a given server can be reinstalled with (open to its owner, not only admins). */
  async function serverTemplates(id: string) {
    return (await $fetch<OsTemplate[]>(`/api/servers/${id}/templates`)).map(toTemplate)
  }

  async function templates(slug: string, plan?: string) {
    return (await $fetch<OsTemplate[]>(providerPath(slug, 'templates'), { query: plan ? { plan } : undefined })).map(toTemplate)
  }
  const datacenters = (slug: string) => $fetch<Datacenter[]>(providerPath(slug, 'datacenters'))

  /** Admins: suspend a customer's server with a reason the customer reads (natively, or stopped and locked). */
  const suspend = (id: string, reason: string) =>
    $fetch<{ status: 'suspended', method: string, server: ServerView }>(`/api/admin/servers/${id}/suspend`, { method: 'POST', body: { reason } })
  const unsuspend = (id: string) => $fetch<{ status: 'unsuspended', server: ServerView }>(`/api/admin/servers/${id}/unsuspend`, { method: 'POST' })

  /** Who a server can be assigned to (admins only). */
  const customers = () => $fetch<Customer[]>('/api/users', { query: { role: 'customer' } })

  /** The user's keychain, or null where the keychain feature is not installed (404). */
  async function keychain(): Promise<KeychainKey[] | null> {
    try {
      const res = await $fetch<KeychainKey[] | { items: KeychainKey[] }>('/api/ssh-keys')
      return Array.isArray(res) ? res : res.items ?? []
    }
    catch (e) {
      if (errorStatus(e) === 404) return null
      throw e
    }
  }

  return {
    items, total, accounts, loading, loaded, error,
    load, get, sync, act, bulk, assignOwner, reinstall, resize, destroy, rootPassword, create, suspend, unsuspend,
    plans, templates, serverTemplates, datacenters, keychain, customers,
  }
})
