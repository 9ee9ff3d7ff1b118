/** Provider accounts and the metadata the add/edit dialog and capability matrix are built from. */
import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface SettingField { key: string, label: string, help?: string, required?: boolean, default?: string, placeholder?: string, type?: 'text' | 'number' | 'url' }
export interface Capability { supported: boolean, note?: string }
export interface ProviderMeta {
  type: string
  displayName: string
  docsUrl?: string
  credentials: SettingField[]
  settings: SettingField[]
  capabilities: Record<string, Capability>
}
export interface ProviderAccount {
  id: string
  name: string
  slug: string
  type: string
  display_name: string
  provider_display_name: string
  connected: boolean
  settings: Record<string, string | number | boolean | null>
  credentials?: { api_key: string | null, api_secret: string | null }
  capabilities?: Record<string, Capability>
  last_test: { ok: boolean | null, message: string | null, at: string } | null
}

export const useProvidersStore = defineStore('providers', () => {
  const accounts = ref<ProviderAccount[]>([])
  const types = ref<ProviderMeta[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')

  async function load() {
    loading.value = true
    error.value = ''
    try {
      const [a, t] = await Promise.all([
        $fetch<ProviderAccount[]>('/api/hosting/providers'),
        types.value.length ? Promise.resolve(types.value) : $fetch<ProviderMeta[]>('/api/hosting/provider-types'),
      ])
      accounts.value = a
      types.value = t
      loaded.value = true
    }
    catch (e) { error.value = errorMessage(e) }
    finally { loading.value = false }
  }

  const metaFor = (type: string) => types.value.find(t => t.type === type)

  return { accounts, types, loading, loaded, error, load, metaFor }
})
