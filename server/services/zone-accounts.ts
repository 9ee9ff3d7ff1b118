/**
 * Which provider account a zone or domain lives on, for the routes that address it by its name
 * alone (`/api/dns/{domain}`, `/api/domains/{domain}`): a customer never learns the account
 * (white label), so the server finds it.
 *
 * A customer's name resolves through their own zone assignments: none is the same 404 as any
 * other name. An admin's resolves through anyone's assignment, or through the only capable
 * account when nobody holds it. Two candidates are never guessed between: 409 `name_ambiguous`
 * (the admin is pointed at the account-keyed route).
 */
import { and, eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { providerAccounts, zoneAssignments, type ProviderAccount, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { getDefinition } from '#server/providers/registry'

/** What the name is to the route: a DNS zone, or a registered domain. */
export type NameKind = 'dns' | 'domains'

const capable = (kind: NameKind) => (a: ProviderAccount) => getDefinition(a.type)?.meta.capabilities[kind]?.supported === true

const ACCOUNT_ROUTE: Record<NameKind, string> = {
  dns: '/api/hosting/providers/{provider}/dns/{domain}',
  domains: '/api/hosting/providers/{provider}/domains/{domain}',
}

export function nameNotFound(kind: NameKind, name: string) {
  return kind === 'dns' ? httpError(404, `No DNS zone ${name}`, 'zone_not_found') : httpError(404, `No domain ${name}`, 'domain_not_found')
}

function ambiguous(user: User, kind: NameKind, name: string, slugs: string[]) {
  if (user.role !== 'admin') return httpError(409, `You hold ${name} twice: ask support to sort it out`, 'name_ambiguous')
  const where = slugs.length ? `on several provider accounts (${slugs.join(', ')})` : 'assigned to nobody, and several provider accounts could hold it'
  return httpError(409, `${name} is ${where}: use ${ACCOUNT_ROUTE[kind]}`, 'name_ambiguous')
}

/** The account `name` (already normalised) lives on, for this user; 404 or 409 otherwise. */
export async function accountOfName(user: User, name: string, kind: NameKind): Promise<ProviderAccount> {
  const db = await useDb()
  const isAdmin = user.role === 'admin'
  const accounts = (await db.select().from(providerAccounts)).filter(capable(kind))
  const rows = await db.select({ accountId: zoneAssignments.accountId }).from(zoneAssignments)
    .where(and(eq(zoneAssignments.domain, name), isAdmin ? undefined : eq(zoneAssignments.ownerId, user.id)))
  const held = accounts.filter(a => rows.some(r => r.accountId === a.id))
  if (held.length === 1) return held[0]!
  if (held.length > 1) throw ambiguous(user, kind, name, held.map(a => a.slug))
  if (isAdmin && accounts.length === 1) return accounts[0]!
  if (isAdmin && accounts.length > 1) throw ambiguous(user, kind, name, [])
  throw nameNotFound(kind, name)
}
