/** Domains across every domain-capable provider account, and the per-account outcome of reading them. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AccountOutcome, Availability, DomainList, ListedDomain } from '~~/shared/schemas/domains'

export type { AccountOutcome, Availability, ListedDomain as DomainItem }

export const useDomainsStore = defineStore('domains', () => {
  const domains = ref<ListedDomain[]>([])
  const accounts = ref<AccountOutcome[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')

  async function load() {
    loading.value = true
    error.value = ''
    try {
      const res = await $fetch<DomainList>('/api/domains')
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
