/** Provider accounts and the metadata the add/edit dialog and capability matrix are built from. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ProviderAccountView, ProviderKind } from '~~/shared/schemas/providers'

/** An account as GET /api/hosting/providers answers it. */
export type ProviderAccount = ProviderAccountView
/** A provider kind as GET /api/hosting/provider-types answers it. */
export type ProviderMeta = ProviderKind

export const useProvidersStore = defineStore('providers', () => {
  const accounts = ref<ProviderAccount[]>([])
  const types = ref<ProviderMeta[]>([])
  const { busy: loading, error, run: runLoad } = useAsyncAction()
  const loaded = ref(false)

  async function load() {
    await runLoad(async () => {
      const [a, t] = await Promise.all([
        $fetch<ProviderAccount[]>('/api/hosting/providers'),
        types.value.length ? Promise.resolve(types.value) : $fetch<ProviderMeta[]>('/api/hosting/provider-types'),
      ])
      accounts.value = a
      types.value = t
      loaded.value = true
    })
  }

  const metaFor = (type: string) => types.value.find(t => t.type === type)

  const path = (slug: string, rest = '') => `/api/hosting/providers/${slug}${rest}`
  /** Creates or updates an account (`body`: type, display_name, credentials, `extra` settings). */
  const configure = (slug: string, body: Record<string, unknown>) => $fetch<unknown>(path(slug, '/configure'), { method: 'POST', body })
  const test = (slug: string) => $fetch<{ message: string, code?: string | null, params?: Record<string, string | number> }>(path(slug, '/test'), { method: 'POST' })
  const remove = (slug: string) => $fetch(path(slug), { method: 'DELETE' })
  /** Connects one simulated account per provider kind (the sandbox). */
  const connectSandbox = () => $fetch<{ accounts: { slug: string, ok: boolean, message: string }[] }>('/api/hosting/sandbox/connect', { method: 'POST' })

  return { accounts, types, loading, loaded, error, load, metaFor, configure, test, remove, connectSandbox }
})
