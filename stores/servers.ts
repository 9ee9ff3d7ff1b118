/**
 * The server inventory (one page of it, as the table asks) and the calls the server pages make.
 * Shapes follow the servers API contract; plan/template lists are normalised because adapters
 * name their fields in camelCase while the seed API speaks snake_case.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Cap, ServerAction, ServerStatus } from '~/utils/servers'

export interface ServerView {
  id: string
  account: { slug: string, type: string, display_name: string }
  upstream_id: string
  name: string
  hostname: string | null
  status: ServerStatus
  raw_status: string
  ipv4: string[]
  ipv6: string[]
  os: string | null
  vcpus: number | null
  memory_mb: number | null
  disk_gb: number | null
  region: string | null
  plan: string | null
  owner: { id: string, name: string, email: string } | null
  created_at: string | null
  gone: boolean
  gone_at: string | null
  admin_locked: boolean
  lock_reason: string | null
  last_synced_at: string | null
  /** The last sync could not read this server's details (the rest is the last known data). */
  detail_error: string | null
  detail_error_at: string | null
  capabilities: Record<string, Cap>
  needs_install: boolean
  extra?: unknown
}

export interface AccountFreshness {
  slug: string
  type: string
  display_name: string
  last_success_at: string | null
  last_attempt_at: string | null
  last_error: string | null
  stale: boolean
  server_count: number
  capabilities?: Record<string, Cap>
}

export interface ServerQuery {
  page: number
  per_page: number
  sort?: string
  q?: string
  provider?: string | null
  account?: string | null
  status?: string | null
  owner?: string | null
}

/** A list row: the capability map comes once per account, in `accounts`. */
export type ServerListItem = Omit<ServerView, 'capabilities' | 'extra'>
/** `accounts`: every account with its freshness (admins), or the page's accounts (customers). */
export interface ServerList { items: ServerListItem[], total: number, page: number, per_page: number, next_cursor: string | null, accounts: (Partial<AccountFreshness> & Pick<AccountFreshness, 'slug' | 'type' | 'display_name'>)[] }

export interface Plan { id: string, name: string, vcpus: number | null, memory_mb: number | null, disk_gb: number | null, price: number | null, currency: string | null, period: string | null, region: string | null }
export interface Template { id: string, name: string, family: string | null }
export interface Datacenter { id: string, name: string, location: string | null, country: string | null }
export interface KeychainKey { id: string, name: string, fingerprint: string | null, public_key: string }
export interface SshKeyInput { name: string, public_key: string }

export interface Customer { id: string, name: string, email: string }
export interface BulkResult { server: ServerView, ok: boolean, message: string }

type Loose = Record<string, unknown>
const pick = <T>(o: Loose, ...keys: string[]) => (keys.map(k => o[k]).find(v => v !== undefined) ?? null) as T

export function toPlan(o: Loose): Plan {
  return {
    id: String(o.id),
    name: String(o.name ?? o.id),
    vcpus: pick(o, 'vcpus', 'cpus'),
    memory_mb: pick(o, 'memory_mb', 'memoryMb'),
    disk_gb: pick(o, 'disk_gb', 'diskGb'),
    price: pick(o, 'price'),
    currency: pick(o, 'currency'),
    period: pick(o, 'period'),
    region: pick(o, 'region'),
  }
}
export const toTemplate = (o: Loose): Template => ({ id: String(o.id), name: String(o.name ?? o.id), family: pick(o, 'family') })
export const toDatacenter = (o: Loose): Datacenter => ({ id: String(o.id), name: String(o.name ?? o.id), location: pick(o, 'location'), country: pick(o, 'country') })

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
      for (const k of ['sort', 'q', 'provider', 'account', 'status', 'owner'] as const) {
        const v = query[k]
        if (v !== undefined && v !== null && v !== '') params[k] = v
      }
      const res = await $fetch<ServerList>('/api/servers', { query: params })
      if (mine !== seq) return
      // Rows carry no capability map: put each account's back on its servers for the menus.
      const caps = new Map<string, Record<string, Cap>>((res.accounts ?? []).map(a => [a.slug, a.capabilities ?? {}]))
      items.value = res.items.map(s => ({ ...s, capabilities: caps.get(s.account.slug) ?? {} }))
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
    $fetch<{ status: string, message?: string }>(`/api/servers/${id}/actions/${action}`, { method: 'POST' })

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
    $fetch<{ status: string, message?: string }>(`/api/servers/${id}/reinstall`, { method: 'POST', body })

  const resize = (id: string, body: { plan: string, resize_disk?: boolean }) =>
    $fetch<{ status: string, message?: string }>(`/api/servers/${id}/resize`, { method: 'POST', body })

  const destroy = (id: string, delay?: number) =>
    $fetch<{ status: string, message?: string }>(`/api/servers/${id}`, { method: 'DELETE', query: delay ? { delay } : undefined })

  const rootPassword = (id: string) =>
    $fetch<{ username: string, password: string }>(`/api/servers/${id}/root-password`, { method: 'POST' })

  const create = (key: string, body: { account: string, plan: string, data_center_id?: string, template: string, hostname: string, password?: string, ssh_keys?: SshKeyInput[], owner_id?: string | null }) =>
    $fetch<{ server: ServerView | null, intent: { id: string, state: string } }>('/api/servers', { method: 'POST', body, headers: { 'Idempotency-Key': key } })

  async function plans(slug: string) {
    return (await $fetch<Loose[]>(providerPath(slug, 'plans'))).map(toPlan)
  }
  /** Templates a given server can be reinstalled with (open to its owner, not only admins). */
  async function serverTemplates(id: string) {
    return (await $fetch<Loose[]>(`/api/servers/${id}/templates`)).map(toTemplate)
  }

  async function templates(slug: string, plan?: string) {
    return (await $fetch<Loose[]>(providerPath(slug, 'templates'), { query: plan ? { plan } : undefined })).map(toTemplate)
  }
  async function datacenters(slug: string) {
    return (await $fetch<Loose[]>(providerPath(slug, 'datacenters'))).map(toDatacenter)
  }

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
    load, get, sync, act, bulk, assignOwner, reinstall, resize, destroy, rootPassword, create,
    plans, templates, serverTemplates, datacenters, keychain, customers,
  }
})
