/**
 * Zones across every account whose provider does DNS. A zone is one of the account's domains
 * (adapter.listDomains()), plus any zone assigned to a customer that the list doesn't show. One
 * failing account doesn't hide the others: it is reported beside them.
 */
import { and, eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { providerAccounts, users, zoneAssignments, type ProviderAccount, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { isProviderError } from '#server/providers/errors'
import { getDefinition } from '#server/providers/registry'
import { audit } from '../audit'
import { adapterFor, requireAccount } from '../provider-accounts'
import { getUser } from '../users'

import type { AccountError, ZoneRow } from '#shared/schemas/dns'

/** Counting means one zone read per domain: only for accounts with a handful. */
const COUNT_LIMIT = 25
const CONCURRENCY = 4

async function mapLimit<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  const worker = async () => { while (next < items.length) { const i = next++; out[i] = await fn(items[i]!) } }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker))
  return out
}

const dnsCapable = (a: ProviderAccount) => getDefinition(a.type)?.meta.capabilities.dns?.supported === true
const messageOf = (e: unknown) => (isProviderError(e) ? e.message : 'The provider could not be reached')

async function assignments(ownerId?: string) {
  const db = await useDb()
  const rows = await db.select({ a: zoneAssignments, name: users.name, email: users.email }).from(zoneAssignments)
    .innerJoin(users, eq(users.id, zoneAssignments.ownerId))
    .where(ownerId ? eq(zoneAssignments.ownerId, ownerId) : undefined)
  return rows
}

async function zonesOf(account: ProviderAccount, owners: Map<string, ZoneRow['owner']>, only?: Set<string>) {
  const adapter = adapterFor(account)
  const base = { provider: account.slug, provider_type: account.type, provider_display_name: account.displayName }
  const domains = await adapter.listDomains()
  const seen = new Set<string>()
  const rows: ZoneRow[] = []
  for (const d of domains) {
    const domain = d.name.toLowerCase()
    if (seen.has(domain) || (only && !only.has(domain))) continue
    seen.add(domain)
    rows.push({ ...base, domain, record_count: null, domain_status: d.status, expires_at: d.expires_at, owner: owners.get(domain) ?? null })
  }
  // Assigned zones the domain list doesn't show (a zone for a domain registered elsewhere).
  for (const [domain, owner] of owners) {
    if (!seen.has(domain) && (!only || only.has(domain))) rows.push({ ...base, domain, record_count: null, owner })
  }
  if (rows.length <= COUNT_LIMIT) {
    await mapLimit(rows, async (row) => {
      try { row.record_count = (await adapter.getDnsZone(row.domain)).length }
      catch (e) { row.zone_error = messageOf(e) }
    })
  }
  return rows.sort((a, b) => a.domain.localeCompare(b.domain))
}

/** Admins: every zone of every DNS account. Customers: only the zones assigned to them. */
export async function listZones(user: User): Promise<{ zones: ZoneRow[], errors: AccountError[] }> {
  const db = await useDb()
  const accounts = (await db.select().from(providerAccounts)).filter(dnsCapable)
  const assigned = await assignments(user.role === 'admin' ? undefined : user.id)
  const ownersByAccount = new Map<string, Map<string, ZoneRow['owner']>>()
  for (const { a, name, email } of assigned) {
    const m = ownersByAccount.get(a.accountId) ?? new Map()
    m.set(a.domain, { id: a.ownerId, name, email })
    ownersByAccount.set(a.accountId, m)
  }
  const visible = user.role === 'admin' ? accounts : accounts.filter(a => ownersByAccount.has(a.id))

  const zones: ZoneRow[] = []
  const errors: AccountError[] = []
  const results = await Promise.all(visible.map(async (account) => {
    const owners = ownersByAccount.get(account.id) ?? new Map()
    const only = user.role === 'admin' ? undefined : new Set(owners.keys())
    try { return { rows: await zonesOf(account, owners, only) } }
    catch (e) {
      const code = isProviderError(e) ? e.code : undefined
      // A customer still sees the zones assigned to them, without the provider's details.
      const rows: ZoneRow[] = only
        ? [...owners].map(([domain, owner]) => ({ provider: account.slug, provider_type: account.type, provider_display_name: account.displayName, domain, record_count: null, owner }))
        : []
      return { rows, error: { provider: account.slug, provider_display_name: account.displayName, error: messageOf(e), ...(code ? { code } : {}) } }
    }
  }))
  for (const r of results) {
    zones.push(...r.rows)
    if (r.error) errors.push(r.error)
  }
  return user.role === 'admin' ? { zones, errors } : customerZones(zones, errors)
}

/**
 * White label: a customer reads no account, provider kind or provider words. Their zones are
 * addressed by name alone; failing accounts become one sentence of ours.
 */
function customerZones(zones: ZoneRow[], errors: AccountError[]): { zones: ZoneRow[], errors: AccountError[] } {
  return {
    zones: zones.map(({ provider: _slug, provider_type: _type, provider_display_name: _name, ...z }) => ({ ...z, ...(z.zone_error ? { zone_error: CUSTOMER_READ_FAILED } : {}) })),
    errors: errors.length ? [{ error: CUSTOMER_READ_FAILED }] : [],
  }
}

const CUSTOMER_READ_FAILED = 'Could not be read just now: try again in a few minutes'

export async function assignZone(admin: User, slug: string, domain: string, ownerId: string) {
  const account = await requireAccount(slug)
  const owner = await getUser(ownerId)
  if (!owner) throw httpError(400, 'owner_id is not a user', 'owner_not_found')
  if (owner.role !== 'customer') throw httpError(400, `${owner.name} is an administrator and already sees every zone: assign zones to customers`, 'owner_not_customer')
  // The zone must exist: a typo would hand a customer a zone that only fails.
  await adapterFor(account).getDnsZone(domain)
  const db = await useDb()
  await db.insert(zoneAssignments).values({ accountId: account.id, domain, ownerId })
    .onConflictDoUpdate({ target: [zoneAssignments.accountId, zoneAssignments.domain], set: { ownerId, createdAt: new Date() } })
  await audit({ userId: admin.id, action: 'dns.zone.assign', target: `${slug}/${domain}`, details: { owner: owner.email } })
  return { status: 'assigned', provider: slug, domain, owner: { id: owner.id, name: owner.name, email: owner.email } }
}

/** With `ownerId`, only that customer's assignment goes (404 when the zone is someone else's). */
export async function unassignZone(admin: User, slug: string, domain: string, ownerId?: string) {
  const account = await requireAccount(slug)
  const db = await useDb()
  const where = and(eq(zoneAssignments.accountId, account.id), eq(zoneAssignments.domain, domain), ownerId ? eq(zoneAssignments.ownerId, ownerId) : undefined)
  const rows = await db.delete(zoneAssignments).where(where).returning({ id: zoneAssignments.id })
  if (ownerId && !rows.length) throw httpError(404, `${domain} is not assigned to that user`, 'assignment_not_found')
  if (rows.length) await audit({ userId: admin.id, action: 'dns.zone.unassign', target: `${slug}/${domain}` })
  return { status: 'unassigned', provider: slug, domain }
}
