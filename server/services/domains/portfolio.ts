/**
 * Domain operations on one provider account, generic over any adapter: a provider without the
 * `domains` capability answers 501 from BaseAdapter, not from here.
 */
import { asc } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { providerAccounts, type ProviderAccount, type User } from '#server/db/schema'
import { isProviderError } from '#server/providers/errors'
import type { DomainAvailability } from '#server/providers/types'
import { normalizeDomain } from '#shared/domains/names'
import { adapterFor } from '../provider-accounts'
import { assignedDomains, isAdmin, noDomain, ownersFor, requireDomainAccess, supportsDomains } from './access'
import { presentDomain, type PublicDomain } from './present'
import type { AccountOutcome, DomainAccountRef as AccountRef, DomainList, ListedDomain } from '#shared/schemas/domains'

export type { AccountOutcome, AccountRef }

const key = (accountId: string, domain: string) => `${accountId}/${normalizeDomain(domain)}`

export async function listAccountDomains(user: User, account: ProviderAccount): Promise<PublicDomain[]> {
  const all = await adapterFor(account).listDomains()
  if (isAdmin(user)) {
    const owners = await ownersFor([account.id])
    return all.map(d => presentDomain(d, { extra: true, owner: owners.get(key(account.id, d.name)) ?? null }))
  }
  const mine = (await assignedDomains(user.id)).get(account.id) ?? new Set()
  return all.filter(d => mine.has(normalizeDomain(d.name))).map(d => presentDomain(d, { customer: true }))
}

export async function getAccountDomain(user: User, account: ProviderAccount, domain: string): Promise<PublicDomain> {
  await requireDomainAccess(user, account, domain)
  let d
  try {
    d = await adapterFor(account).getDomain(domain)
  }
  catch (e) {
    // Assigned here but gone upstream: the customer sees the same 404 as for any other name.
    if (!isAdmin(user) && isProviderError(e) && e.code === 'not_found') throw noDomain(domain)
    throw e
  }
  if (!isAdmin(user)) return presentDomain(d, { customer: true })
  const owners = await ownersFor([account.id])
  return presentDomain(d, { extra: true, owner: owners.get(key(account.id, d.name)) ?? null })
}

/** Seed shape, in the order asked: `{ domain, available, price?, currency? }`. */
export async function checkAvailability(account: ProviderAccount, names: string[]): Promise<DomainAvailability[]> {
  const answers = await adapterFor(account).checkDomains(names)
  return answers.map((a) => {
    const out: DomainAvailability = { domain: a.domain, available: a.available }
    if (a.available && typeof a.price === 'number') {
      out.price = a.price
      if (a.currency) out.currency = a.currency
    }
    return out
  })
}

export async function setNameservers(user: User, account: ProviderAccount, domain: string, nameservers: string[]) {
  await requireDomainAccess(user, account, domain)
  await adapterFor(account).setNameservers(normalizeDomain(domain), nameservers)
  return { status: 'updated' as const }
}

export async function setLock(user: User, account: ProviderAccount, domain: string, on: boolean) {
  await requireDomainAccess(user, account, domain)
  await adapterFor(account).setDomainLock(normalizeDomain(domain), on)
  return { status: on ? 'locked' as const : 'unlocked' as const }
}

export async function setPrivacy(user: User, account: ProviderAccount, domain: string, on: boolean) {
  await requireDomainAccess(user, account, domain)
  await adapterFor(account).setDomainPrivacy(normalizeDomain(domain), on)
  return { status: on ? 'enabled' as const : 'disabled' as const }
}

/** Every domain-capable account the user may see, read side by side: a failing one is reported, not fatal. */
export async function listAllDomains(user: User): Promise<DomainList> {
  const db = await useDb()
  let accounts = (await db.select().from(providerAccounts).orderBy(asc(providerAccounts.createdAt))).filter(supportsDomains)
  const mine = isAdmin(user) ? undefined : await assignedDomains(user.id)
  if (mine) accounts = accounts.filter(a => mine.has(a.id))
  const owners = mine ? undefined : await ownersFor(accounts.map(a => a.id))

  const settled = await Promise.allSettled(accounts.map(a => adapterFor(a).listDomains()))
  const domains: ListedDomain[] = []
  const outcomes: AccountOutcome[] = []
  settled.forEach((r, i) => {
    const a = accounts[i]!
    const ref: AccountRef = { slug: a.slug, display_name: a.displayName, type: a.type }
    if (r.status === 'rejected') {
      const e = r.reason as Error & { statusCode?: number }
      outcomes.push({ ...ref, ok: false, count: 0, error: isProviderError(e) ? e.message : 'The domains of this account could not be read', status: e.statusCode ?? 500 })
      if (!isProviderError(e)) console.error('[domains] listing', a.slug, e)
      return
    }
    const visible = mine ? r.value.filter(d => mine.get(a.id)!.has(normalizeDomain(d.name))) : r.value
    for (const d of visible) {
      const owner = owners ? owners.get(key(a.id, d.name)) ?? null : undefined
      domains.push({ ...presentDomain(d, { owner, customer: !!mine }), account: ref })
    }
    outcomes.push({ ...ref, ok: true, count: visible.length })
  })
  return mine ? customerDomains({ domains, accounts: outcomes }) : { domains, accounts: outcomes }
}

/**
 * White label: a customer's rows and outcomes name no account (they address a domain by its
 * name alone), and a failing account is a sentence of ours, not the provider's.
 */
function customerDomains(list: DomainList): DomainList {
  return {
    domains: list.domains.map(({ account: _account, ...d }) => d),
    accounts: list.accounts.map(({ slug: _slug, display_name: _name, type: _type, ...o }) => (o.ok ? o : { ...o, error: 'The domains could not be read just now' })),
  }
}
