/** Domains across every domain-capable provider account, and the per-account outcome of reading them. */
import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface AccountRef { slug: string, display_name: string, type: string }
export interface DomainOwner { id: string, name: string, email: string }
export interface DomainItem {
  name: string
  registrar: string | null
  status: string
  expires_at: string | null
  auto_renew: boolean
  auto_renew_known: boolean
  locked: boolean
  privacy_protection: boolean
  nameservers: string[]
  details_known: boolean
  /** Reading this domain's details failed this time; the rest of the list still came. */
  details_failed?: boolean
  expires_in_days: number | null
  owner?: DomainOwner | null
  account: AccountRef
}
export interface AccountOutcome extends AccountRef { ok: boolean, count: number, error?: string, status?: number }
export interface Availability { domain: string, available: boolean, price?: number, currency?: string }

export const useDomainsStore = defineStore('domains', () => {
  const domains = ref<DomainItem[]>([])
  const accounts = ref<AccountOutcome[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')

  async function load() {
    loading.value = true
    error.value = ''
    try {
      const res = await $fetch<{ domains: DomainItem[], accounts: AccountOutcome[] }>('/api/domains')
      domains.value = res.domains
      accounts.value = res.accounts
      loaded.value = true
    }
    catch (e) { error.value = errorMessage(e) }
    finally { loading.value = false }
  }

  return { domains, accounts, loading, loaded, error, load }
})

/** "1 234,50 $"-style, in the browser's locale. */
export function formatPrice(price: number | undefined, currency: string | undefined): string {
  if (price === undefined) return ''
  try { return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency ?? 'USD' }).format(price) }
  catch { return `${price.toFixed(2)} ${currency ?? ''}`.trim() }
}
