/** Domains across every domain-capable provider account, and the per-account outcome of reading them. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AccountOutcome, Availability, DomainList, DomainView, ListedDomain } from '~~/shared/schemas/domains'
import type { OwnerRef } from '~~/shared/schemas/common'

export type { AccountOutcome, Availability, ListedDomain as DomainItem }

export const useDomainsStore = defineStore('domains', () => {
  const domains = ref<ListedDomain[]>([])
  const accounts = ref<AccountOutcome[]>([])
  const { busy: loading, error, run: runLoad } = useAsyncAction()
  const loaded = ref(false)

  async function load() {
    await runLoad(async () => {
      const res = await $fetch<DomainList>('/api/domains')
      domains.value = res.domains
      accounts.value = res.accounts
      loaded.value = true
    })
  }

  // ---------- one account's domains: answers for the caller to show ----------
  const accountPath = (slug: string, rest: string) => `/api/hosting/providers/${slug}/domains${rest}`
  const domainPath = (slug: string, name: string, rest: string) => accountPath(slug, `/${name}${rest}`)

  const setLock = (slug: string, name: string, on: boolean) => $fetch(domainPath(slug, name, '/lock'), { method: on ? 'POST' : 'DELETE' })
  const setPrivacy = (slug: string, name: string, on: boolean) => $fetch(domainPath(slug, name, '/privacy'), { method: on ? 'POST' : 'DELETE' })
  const setNameservers = (slug: string, name: string, nameservers: string[]) => $fetch(domainPath(slug, name, '/nameservers'), { method: 'PUT', body: { nameservers } })
  /** Gives the domain (and its zone) to a customer; null takes it back. */
  const setOwner = (slug: string, name: string, ownerId: string | null) =>
    $fetch<{ owner: OwnerRef | null }>(domainPath(slug, name, '/owner'), { method: 'PUT', body: { owner_id: ownerId } })

  const checkAvailability = (slug: string, names: string[]) => $fetch<Availability[]>(accountPath(slug, '/check'), { method: 'POST', body: { domains: names } })
  /** Buys once per `key`: 201 the domain, 202 when the provider's answer was lost and the purchase is being checked. */
  const purchase = (slug: string, key: string, body: { domain: string, period: number, privacy_protection: boolean }) =>
    $fetch<DomainView | { status: string, intent: { id: string, state: string } }>(accountPath(slug, '/purchase'), { method: 'POST', headers: { 'Idempotency-Key': key }, body })

  /** The daily expiry check, now (admins). */
  const checkExpiry = () => $fetch<{ expiring: { domain: string, notified: number }[] }>('/api/domains/expiry-check', { method: 'POST' })

  return { domains, accounts, loading, loaded, error, load, setLock, setPrivacy, setNameservers, setOwner, checkAvailability, purchase, checkExpiry }
})
