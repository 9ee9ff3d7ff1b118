/** Domains across every domain-capable provider account, and the per-account outcome of reading them. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AccountOutcome, Availability, DomainList, DomainView, ListedDomain } from '~~/shared/schemas/domains'
import type { OwnerRef } from '~~/shared/schemas/common'

export type { AccountOutcome, Availability, ListedDomain as DomainItem }

/**
 * Where a domain is: on its account (admins' pages, the seed routes), or by its name alone (a
 * customer's list carries no account: white label; the server finds it).
 */
export interface DomainAddress { provider?: string, name: string }

/** The domain's page: `/domains/{provider}/{name}`, or `/domains/{name}` by name. */
export const domainPage = (at: DomainAddress) => (at.provider ? `/domains/${at.provider}/${at.name}` : `/domains/${at.name}`)

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

  // ---------- one domain, on its account or by its name alone: answers for the caller to show ----------
  const accountPath = (slug: string, rest: string) => `/api/hosting/providers/${slug}/domains${rest}`
  const domainPath = (at: DomainAddress, rest: string) => (at.provider ? accountPath(at.provider, `/${at.name}${rest}`) : `/api/domains/${at.name}${rest}`)

  const setLock = (at: DomainAddress, on: boolean) => $fetch(domainPath(at, '/lock'), { method: on ? 'POST' : 'DELETE' })
  const setPrivacy = (at: DomainAddress, on: boolean) => $fetch(domainPath(at, '/privacy'), { method: on ? 'POST' : 'DELETE' })
  const setNameservers = (at: DomainAddress, nameservers: string[]) => $fetch(domainPath(at, '/nameservers'), { method: 'PUT', body: { nameservers } })
  /** Gives the domain (and its zone) to a customer; null takes it back (admins, on the domain's account). */
  const setOwner = (slug: string, name: string, ownerId: string | null) =>
    $fetch<{ owner: OwnerRef | null }>(accountPath(slug, `/${name}/owner`), { method: 'PUT', body: { owner_id: ownerId } })

  const checkAvailability = (slug: string, names: string[]) => $fetch<Availability[]>(accountPath(slug, '/check'), { method: 'POST', body: { domains: names } })
  /** Buys once per `key`: 201 the domain, 202 when the provider's answer was lost and the purchase is being checked. */
  const purchase = (slug: string, key: string, body: { domain: string, period: number, privacy_protection: boolean }) =>
    $fetch<DomainView | { status: string, intent: { id: string, state: string } }>(accountPath(slug, '/purchase'), { method: 'POST', headers: { 'Idempotency-Key': key }, body })

  /** The daily expiry check, now (admins). */
  const checkExpiry = () => $fetch<{ expiring: { domain: string, notified: number }[] }>('/api/domains/expiry-check', { method: 'POST' })

  return { domains, accounts, loading, loaded, error, load, domainPath, setLock, setPrivacy, setNameservers, setOwner, checkAvailability, purchase, checkExpiry }
})
