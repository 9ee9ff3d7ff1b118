/**
 * Who may see which domain. Admins see every account's domains; a customer sees only the
 * domains assigned to them in `zone_assignments` (one row hands over a domain and its DNS zone).
 * Anything else answers 404, never 403, so a customer cannot probe what exists.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { providerAccounts, users, zoneAssignments, type ProviderAccount, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { getDefinition } from '#server/providers/registry'
import { normalizeDomain } from '#shared/domains/names'
import { accountOfName } from '../zone-accounts'

export interface Owner { id: string, name: string, email: string }

export const isAdmin = (u: User) => u.role === 'admin'

export function supportsDomains(a: ProviderAccount): boolean {
  return getDefinition(a.type)?.meta.capabilities.domains.supported === true
}

const noAccount = (slug: string) => httpError(404, `No provider account named "${slug}"`, 'provider_not_found')
export const noDomain = (domain: string) => httpError(404, `No domain ${normalizeDomain(domain)} on this account`, 'domain_not_found')

/** Domains assigned to a customer, by account id. */
export async function assignedDomains(userId: string): Promise<Map<string, Set<string>>> {
  const db = await useDb()
  const rows = await db.select({ accountId: zoneAssignments.accountId, domain: zoneAssignments.domain }).from(zoneAssignments).where(eq(zoneAssignments.ownerId, userId))
  const out = new Map<string, Set<string>>()
  for (const r of rows) {
    const set = out.get(r.accountId) ?? new Set<string>()
    set.add(normalizeDomain(r.domain))
    out.set(r.accountId, set)
  }
  return out
}

/** The account behind `{provider}`, if this user may see anything on it. */
export async function accountForUser(user: User, slug: string): Promise<ProviderAccount> {
  const db = await useDb()
  const [account] = await db.select().from(providerAccounts).where(eq(providerAccounts.slug, slug))
  if (!account) throw noAccount(slug)
  if (isAdmin(user)) return account
  const mine = (await assignedDomains(user.id)).get(account.id)
  if (!mine?.size) throw noAccount(slug)
  return account
}

/** The account a route's path names (`{provider}`), or the one the domain is found on by its name alone. */
export function domainAccountAt(user: User, at: { provider?: string, domain: string }): Promise<ProviderAccount> {
  return at.provider ? accountForUser(user, at.provider) : accountOfName(user, at.domain, 'domains')
}

/** Throws 404 unless the user may act on this domain of this account. */
export async function requireDomainAccess(user: User, account: ProviderAccount, domain: string) {
  if (isAdmin(user)) return
  const db = await useDb()
  const [row] = await db.select({ id: zoneAssignments.id }).from(zoneAssignments)
    .where(and(eq(zoneAssignments.accountId, account.id), eq(zoneAssignments.domain, normalizeDomain(domain)), eq(zoneAssignments.ownerId, user.id)))
  if (!row) throw noDomain(domain)
}

/** Owners of the assigned domains of these accounts: `${accountId}/${domain}` → owner. */
export async function ownersFor(accountIds: string[]): Promise<Map<string, Owner>> {
  const out = new Map<string, Owner>()
  if (!accountIds.length) return out
  const db = await useDb()
  const rows = await db.select({ accountId: zoneAssignments.accountId, domain: zoneAssignments.domain, id: users.id, name: users.name, email: users.email })
    .from(zoneAssignments).innerJoin(users, eq(users.id, zoneAssignments.ownerId))
    .where(inArray(zoneAssignments.accountId, accountIds))
  for (const r of rows) out.set(`${r.accountId}/${normalizeDomain(r.domain)}`, { id: r.id, name: r.name, email: r.email })
  return out
}

/** Hands a domain (and its zone) to a customer, or takes it back with `ownerId: null`. */
export async function assignDomain(account: ProviderAccount, domain: string, ownerId: string | null): Promise<Owner | null> {
  const db = await useDb()
  const name = normalizeDomain(domain)
  if (ownerId === null) {
    await db.delete(zoneAssignments).where(and(eq(zoneAssignments.accountId, account.id), eq(zoneAssignments.domain, name)))
    return null
  }
  const [owner] = await db.select().from(users).where(eq(users.id, ownerId))
  if (!owner) throw httpError(400, 'owner_id: no such user', 'invalid_input')
  if (owner.role !== 'customer') throw httpError(400, 'owner_id: domains are assigned to customers; admins already see every domain', 'invalid_input')
  await db.insert(zoneAssignments).values({ accountId: account.id, domain: name, ownerId })
    .onConflictDoUpdate({ target: [zoneAssignments.accountId, zoneAssignments.domain], set: { ownerId } })
  return { id: owner.id, name: owner.name, email: owner.email }
}
