/**
 * Reading the inventory (our `servers` table): the filtered, sorted, paged list and single
 * servers, always through the caller so a customer only ever sees servers they own.
 */
import { type AnyColumn, and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import { type Db, useDb } from '../../db/client'
import { accountSync, providerAccounts, servers, users, type User } from '../../db/schema'
import { httpError } from '../../lib/http-errors'
import { likePattern, parseSort, type ListQuery } from './filters'
import { toServerView, type InventoryRow } from './view'

const STALE_AFTER_MS = 15 * 60_000

const selection = {
  server: servers,
  account: { id: providerAccounts.id, slug: providerAccounts.slug, type: providerAccounts.type, displayName: providerAccounts.displayName },
  owner: { id: users.id, name: users.name, email: users.email },
}

/** Not async on purpose: a drizzle query is thenable, so returning it from an async function would run it. */
function baseQuery(db: Db) {
  return db.select(selection).from(servers)
    .innerJoin(providerAccounts, eq(servers.accountId, providerAccounts.id))
    .leftJoin(users, eq(servers.ownerId, users.id))
}

/** Customers: their own servers only. */
export function visibleTo(user: Pick<User, 'id' | 'role'>): SQL | undefined {
  return user.role === 'admin' ? undefined : eq(servers.ownerId, user.id)
}

function whereFor(q: ListQuery, user: Pick<User, 'id' | 'role'>): SQL | undefined {
  const conds: (SQL | undefined)[] = [visibleTo(user)]
  if (q.provider?.length) conds.push(inArray(providerAccounts.type, q.provider))
  if (q.account) conds.push(eq(providerAccounts.slug, q.account))
  if (q.status?.length) conds.push(inArray(servers.status, q.status))
  if (q.owner === 'none') conds.push(isNull(servers.ownerId))
  else if (q.owner) conds.push(eq(servers.ownerId, q.owner))
  if (q.q) {
    const p = likePattern(q.q)
    conds.push(or(
      ilike(servers.name, p), ilike(servers.hostname, p), ilike(servers.upstreamId, p), ilike(servers.plan, p),
      ilike(servers.region, p), ilike(servers.os, p), sql`${servers.ipv4}::text ilike ${p}`, sql`${servers.ipv6}::text ilike ${p}`,
    ))
  }
  return and(...conds)
}

function orderFor(sort: string): SQL[] {
  const { key, desc: down } = parseSort(sort)
  const dir = (c: SQL | AnyColumn) => (down ? desc(c) : asc(c))
  const byName = sql`lower(${servers.name})`
  switch (key) {
    case 'status': return [dir(servers.status), asc(byName), asc(servers.id)]
    case 'created_at': return [dir(sql`coalesce(${servers.upstreamCreatedAt}, ${servers.createdAt})`), asc(servers.id)]
    case 'provider': return [dir(providerAccounts.type), dir(providerAccounts.slug), asc(byName), asc(servers.id)]
    default: return [dir(byName), asc(servers.id)]
  }
}

/**
 * The statements one listing runs (the page and its total), unexecuted: the listing awaits them,
 * the benchmark and the scale test run them (or EXPLAIN them) on their own.
 */
export function listingQueries(db: Db, q: ListQuery, user: Pick<User, 'id' | 'role'>) {
  const where = whereFor(q, user)
  const page = baseQuery(db).where(where).orderBy(...orderFor(q.sort)).limit(q.per_page).offset((q.page - 1) * q.per_page)
  const total = db.select({ n: count() }).from(servers)
    .innerJoin(providerAccounts, eq(servers.accountId, providerAccounts.id))
    .where(where)
  return { page, total }
}

export async function listInventory(q: ListQuery, user: Pick<User, 'id' | 'role'>) {
  const { page, total: totalQuery } = listingQueries(await useDb(), q, user)
  const rows = await page
  const [total] = await totalQuery
  const admin = user.role === 'admin'
  return {
    items: (rows as InventoryRow[]).map(r => toServerView(r, { admin })),
    total: Number(total?.n ?? 0),
    page: q.page,
    per_page: q.per_page,
  }
}

/** One server as `user` may see it; 404 (not 403) for someone else's, so ids reveal nothing. */
export async function loadServer(id: string, user: Pick<User, 'id' | 'role'>): Promise<InventoryRow> {
  const [row] = await baseQuery(await useDb()).where(and(eq(servers.id, id), visibleTo(user)))
  if (!row) throw httpError(404, 'No such server', 'server_not_found')
  return row as InventoryRow
}

export async function findByUpstream(accountId: string, upstreamId: string): Promise<InventoryRow | undefined> {
  const [row] = await baseQuery(await useDb()).where(and(eq(servers.accountId, accountId), eq(servers.upstreamId, upstreamId)))
  return row as InventoryRow | undefined
}

export async function loadById(id: string): Promise<InventoryRow | undefined> {
  const [row] = await baseQuery(await useDb()).where(eq(servers.id, id))
  return row as InventoryRow | undefined
}

/** Rows of one account for the seed routes (live servers only; a customer's own only). */
export async function listAccountRows(accountId: string, user: Pick<User, 'id' | 'role'>): Promise<InventoryRow[]> {
  const rows = await baseQuery(await useDb())
    .where(and(eq(servers.accountId, accountId), isNull(servers.goneAt), visibleTo(user)))
    .orderBy(asc(sql`lower(${servers.name})`), asc(servers.id))
  return rows as InventoryRow[]
}

/** Each account's freshness and last error, for the admin's list header. */
export function accountsSummaryQuery(db: Db) {
  return db.select({
    slug: providerAccounts.slug,
    type: providerAccounts.type,
    displayName: providerAccounts.displayName,
    lastSuccessAt: accountSync.lastSuccessAt,
    lastAttemptAt: accountSync.lastAttemptAt,
    lastError: accountSync.lastError,
    serverCount: sql<number>`(select count(*) from ${servers} where ${servers.accountId} = ${providerAccounts.id} and ${servers.goneAt} is null)`,
  }).from(providerAccounts)
    .leftJoin(accountSync, eq(accountSync.accountId, providerAccounts.id))
    .orderBy(asc(providerAccounts.slug))
}

export async function accountsSummary() {
  const rows = await accountsSummaryQuery(await useDb())
  const now = Date.now()
  return rows.map(r => ({
    slug: r.slug,
    type: r.type,
    display_name: r.displayName,
    last_success_at: r.lastSuccessAt?.toISOString() ?? null,
    last_attempt_at: r.lastAttemptAt?.toISOString() ?? null,
    last_error: r.lastError ?? null,
    stale: !r.lastSuccessAt || !!r.lastError || now - r.lastSuccessAt.getTime() > STALE_AFTER_MS,
    server_count: Number(r.serverCount ?? 0),
  }))
}
