/**
 * Reading the inventory (our `servers` table): the filtered, sorted, paged list and single
 * servers, always through the caller so a customer only ever sees servers they own.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm'
import { type Db, useDb } from '#server/db/client'
import { accountSync, providerAccounts, serverCounts, servers, users, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { likePattern, parseSort, type ListQuery } from './filters'
import { afterCursor, decodeCursor, encodeCursor, type KeyColumn } from './keyset'
import { orderedInfo } from './customer-view'
import { capabilitiesOf, toListView, type AccountRef, type InventoryRow } from './view'

/** server_counts.owner_key of servers nobody owns. */
const NO_OWNER = '00000000-0000-0000-0000-000000000000'

/** An account not synced successfully for this long is shown as stale. */
export const STALE_AFTER_MS = 15 * 60_000

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

/** Filters that the maintained counters can answer (everything but the text search). */
function accountConds(q: ListQuery): (SQL | undefined)[] {
  return [
    q.provider?.length ? inArray(providerAccounts.type, q.provider) : undefined,
    q.account ? eq(providerAccounts.slug, q.account) : undefined,
  ]
}

function whereFor(q: ListQuery, user: Pick<User, 'id' | 'role'>): SQL | undefined {
  const conds: (SQL | undefined)[] = [visibleTo(user), ...accountConds(q), q.deleted ? isNotNull(servers.goneAt) : isNull(servers.goneAt)]
  if (q.status?.length) conds.push(inArray(servers.status, q.status))
  if (q.owner === 'none') conds.push(isNull(servers.ownerId))
  else if (q.owner) conds.push(eq(servers.ownerId, q.owner))
  // One lower-cased column holds every searched field; its trigram index serves '%…%'.
  if (q.q) conds.push(sql`${servers.searchText} like lower(${likePattern(q.q)})`)
  return and(...conds)
}

/** The total from server_counts: a handful of rows per account instead of a count over servers. */
function countedTotal(db: Db, q: ListQuery, user: Pick<User, 'id' | 'role'>) {
  const conds: (SQL | undefined)[] = [...accountConds(q), eq(serverCounts.gone, q.deleted)]
  if (user.role !== 'admin') conds.push(eq(serverCounts.ownerKey, user.id))
  if (q.status?.length) conds.push(inArray(serverCounts.status, q.status))
  if (q.owner === 'none') conds.push(eq(serverCounts.ownerKey, NO_OWNER))
  else if (q.owner) conds.push(eq(serverCounts.ownerKey, q.owner))
  return db.select({ n: sql<number>`coalesce(sum(${serverCounts.n}), 0)` }).from(serverCounts)
    .innerJoin(providerAccounts, eq(serverCounts.accountId, providerAccounts.id))
    .where(and(...conds))
}

const byName = sql`lower(${servers.name})`
const createdAt = sql`coalesce(${servers.upstreamCreatedAt}, ${servers.createdAt})`

/** The sort's key columns, each with its direction, ending in the id so the order is total. */
function keyColumns(sort: string): KeyColumn[] {
  const { key, desc: down } = parseSort(sort)
  const id = (d: boolean): KeyColumn => ({ expr: sql`${servers.id}`, desc: d, cast: 'uuid' })
  switch (key) {
    case 'status': return [{ expr: sql`${servers.status}`, desc: down }, { expr: byName, desc: false }, id(false)]
    case 'created_at': return [{ expr: createdAt, desc: down, cast: 'timestamptz' }, id(down)]
    case 'provider': return [{ expr: sql`${providerAccounts.type}`, desc: down }, { expr: sql`${providerAccounts.slug}`, desc: down }, { expr: byName, desc: false }, id(false)]
    default: return [{ expr: byName, desc: down }, id(down)]
  }
}

/** The row's values for its sort's key columns (as the cursor carries them). */
function keyValues(sort: string, r: ListRow): string[] {
  switch (parseSort(sort).key) {
    case 'status': return [r.server.status, r.sortName, r.server.id]
    case 'created_at': return [r.sortAt, r.server.id]
    case 'provider': return [r.account.type, r.account.slug, r.sortName, r.server.id]
    default: return [r.sortName, r.server.id]
  }
}

/** What a list row needs: no raw upstream record, no search text. */
const listSelection = {
  server: {
    id: servers.id, upstreamId: servers.upstreamId, name: servers.name, hostname: servers.hostname, status: servers.status,
    rawStatus: servers.rawStatus, ipv4: servers.ipv4, ipv6: servers.ipv6, os: servers.os, vcpus: servers.vcpus,
    memoryMb: servers.memoryMb, diskGb: servers.diskGb, region: servers.region, plan: servers.plan,
    upstreamCreatedAt: servers.upstreamCreatedAt, createdAt: servers.createdAt, goneAt: servers.goneAt,
    adminLockedAt: servers.adminLockedAt, adminLockReason: servers.adminLockReason, lastSyncedAt: servers.lastSyncedAt,
    detailError: servers.detailError, detailErrorAt: servers.detailErrorAt,
  },
  account: selection.account,
  owner: selection.owner,
  sortName: sql<string>`lower(${servers.name})`,
  // As text: a JS Date would drop the microseconds the keyset compares.
  sortAt: sql<string>`${createdAt}::text`,
}
type ListRow = InventoryRow & { sortName: string, sortAt: string }

/**
 * The statements one listing runs, unexecuted: the page (one row more than asked, to know
 * whether there is a next one), its total and, for admins, the accounts summary. The listing
 * awaits them; the benchmark and the scale test run or EXPLAIN them on their own.
 */
export function listingQueries(db: Db, q: ListQuery, user: Pick<User, 'id' | 'role'>) {
  const cols = keyColumns(q.sort)
  const where = whereFor(q, user)
  const page = db.select(listSelection).from(servers)
    .innerJoin(providerAccounts, eq(servers.accountId, providerAccounts.id))
    .leftJoin(users, eq(servers.ownerId, users.id))
    .where(q.cursor ? and(where, afterCursor(cols, decodeCursor(q.cursor, q.sort, cols.length))) : where)
    .orderBy(...cols.map(c => (c.desc ? desc(c.expr) : asc(c.expr))))
    .limit(q.per_page + 1)
    .offset(q.cursor ? 0 : (q.page - 1) * q.per_page)
  // A search has no counter: its count is one bitmap scan of the trigram index.
  const total = q.q
    ? db.select({ n: count() }).from(servers).innerJoin(providerAccounts, eq(servers.accountId, providerAccounts.id)).where(where)
    : countedTotal(db, q, user)
  return user.role === 'admin' ? { page, total, accounts: accountsSummaryQuery(db) } : { page, total }
}

export async function listInventory(q: ListQuery, user: Pick<User, 'id' | 'role'>) {
  const queries = listingQueries(await useDb(), q, user)
  const [rows, [total], accountRows] = await Promise.all([queries.page, queries.total, 'accounts' in queries ? queries.accounts : undefined])
  const more = rows.length > q.per_page
  const pageRows = (more ? rows.slice(0, q.per_page) : rows) as ListRow[]
  const last = pageRows.at(-1)
  const admin = user.role === 'admin'
  // A customer's rows name the portal plan each server was ordered with (one query for the page).
  const ordered = admin ? null : await orderedInfo(pageRows.map(r => r.server.id))
  return {
    items: pageRows.map(r => toListView(r, { admin, ordered: ordered?.get(r.server.id) })),
    total: Number(total?.n ?? 0),
    page: q.page,
    per_page: q.per_page,
    next_cursor: more && last ? encodeCursor(q.sort, keyValues(q.sort, last)) : null,
    // Capabilities once per account, not per server: admins get every account with its
    // freshness, customers the accounts of the servers on this page.
    // Customers never see accounts (white label): their rows carry their own capabilities.
    accounts: accountRows ? summarize(accountRows) : admin ? accountsOf(pageRows) : [],
  }
}

function accountsOf(rows: InventoryRow[]) {
  const seen = new Map<string, AccountRef>()
  for (const r of rows) seen.set(r.account.slug, r.account)
  return [...seen.values()].map(a => ({ slug: a.slug, type: a.type, display_name: a.displayName, capabilities: capabilitiesOf(a.type) }))
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
    serverCount: sql<number>`(select coalesce(sum(${serverCounts.n}), 0) from ${serverCounts} where ${serverCounts.accountId} = ${providerAccounts.id} and not ${serverCounts.gone})`,
  }).from(providerAccounts)
    .leftJoin(accountSync, eq(accountSync.accountId, providerAccounts.id))
    .orderBy(asc(providerAccounts.slug))
}

export async function accountsSummary() {
  return summarize(await accountsSummaryQuery(await useDb()))
}

function summarize(rows: Awaited<ReturnType<typeof accountsSummaryQuery>>) {
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
    capabilities: capabilitiesOf(r.type),
  }))
}
