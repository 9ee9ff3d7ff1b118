/**
 * The admin dashboard: every tile from maintained counters (server_counts, upstream_watch) or
 * one small indexed query, read in parallel, so the page costs the same at 10,000 servers as
 * at ten. Nothing here calls a provider: upstream dates come from the hourly watch job.
 */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { accountSync, auditLog, billingSamples, intents, orders, providerAccounts, serverCounts, upstreamWatch, users } from '#server/db/schema'
import { parseThreshold } from '#shared/billing/money'
import { daysUntil } from '#shared/domains/names'
import type { AdminDashboardView } from '#shared/schemas/dashboard'
import { syncNeverSynced } from '../servers/sync'

const DAY_MS = 86_400_000
export const EXPIRY_WINDOW_DAYS = 30
export const RENEWAL_WINDOW_DAYS = 14
const TILE_ROWS = 5
const ACTIVITY_ROWS = 8

type Account = { slug: string, display_name: string, type: string }
const accountOf = (r: { slug: string, displayName: string, type: string }): Account => ({ slug: r.slug, display_name: r.displayName, type: r.type })

async function serversTile(db: Awaited<ReturnType<typeof useDb>>) {
  const [byStatus, byAccount] = await Promise.all([
    db.select({ status: serverCounts.status, n: sql<number>`sum(${serverCounts.n})::int` }).from(serverCounts)
      .where(eq(serverCounts.gone, false)).groupBy(serverCounts.status),
    db.select({ slug: providerAccounts.slug, displayName: providerAccounts.displayName, type: providerAccounts.type, n: sql<number>`coalesce(sum(${serverCounts.n}), 0)::int` })
      .from(providerAccounts)
      .leftJoin(serverCounts, and(eq(serverCounts.accountId, providerAccounts.id), eq(serverCounts.gone, false)))
      .groupBy(providerAccounts.id).orderBy(asc(providerAccounts.slug)),
  ])
  const by_status: Record<string, number> = {}
  for (const r of byStatus) if (r.n > 0) by_status[r.status] = Number(r.n)
  return {
    total: Object.values(by_status).reduce((a, b) => a + b, 0),
    by_status,
    by_account: byAccount.map(r => ({ account: accountOf(r), count: Number(r.n) })),
  }
}

async function provisioningTile(db: Awaited<ReturnType<typeof useDb>>, since: Date) {
  const [orderRows, intentRows, review] = await Promise.all([
    db.select({ status: orders.status, n: count() }).from(orders).where(gte(orders.updatedAt, since)).groupBy(orders.status),
    // Servers admins create directly (not through an order) are intents of their own.
    db.select({ state: intents.state, n: count() }).from(intents)
      .where(and(eq(intents.kind, 'server.create'), gte(intents.updatedAt, since))).groupBy(intents.state),
    db.select({ n: count() }).from(intents).where(eq(intents.state, 'needs_review')),
  ])
  const o = Object.fromEntries(orderRows.map(r => [r.status, Number(r.n)])) as Record<string, number>
  const i = Object.fromEntries(intentRows.map(r => [r.state, Number(r.n)])) as Record<string, number>
  return {
    since: since.toISOString(),
    done: (o.completed ?? 0) + (i.succeeded ?? 0) + (i.reconciled ?? 0),
    running: (o.pending ?? 0) + (o.running ?? 0) + (i.pending ?? 0) + (i.in_flight ?? 0) + (i.unknown ?? 0),
    failed: (o.failed ?? 0) + (i.failed ?? 0),
    needs_review: Number(review[0]?.n ?? 0),
  }
}

async function ordersAwaitingTile(db: Awaited<ReturnType<typeof useDb>>) {
  const rows = await db.select({ status: orders.status, n: count() }).from(orders)
    .where(inArray(orders.status, ['pending', 'running', 'failed'])).groupBy(orders.status)
  const o = Object.fromEntries(rows.map(r => [r.status, Number(r.n)])) as Record<string, number>
  return { pending: o.pending ?? 0, running: o.running ?? 0, failed: o.failed ?? 0 }
}

async function watchTile(db: Awaited<ReturnType<typeof useDb>>, kind: 'domain_expiry' | 'renewal', now: Date, windowDays: number) {
  // Whole UTC days, as days_left counts them: today through the window's last day.
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS
  const until = new Date(today + (windowDays + 1) * DAY_MS - 1)
  // A renewal date in the past is stale data (it has renewed since), unlike an expired domain.
  const from = kind === 'renewal' ? new Date(today) : new Date(0)
  const where = and(eq(upstreamWatch.kind, kind), gte(upstreamWatch.dueAt, from), lte(upstreamWatch.dueAt, until))
  const [rows, total, seen] = await Promise.all([
    db.select({ w: upstreamWatch, slug: providerAccounts.slug, displayName: providerAccounts.displayName, type: providerAccounts.type })
      .from(upstreamWatch).innerJoin(providerAccounts, eq(providerAccounts.id, upstreamWatch.accountId))
      .where(where).orderBy(asc(upstreamWatch.dueAt), asc(upstreamWatch.subject)).limit(TILE_ROWS),
    db.select({ n: count() }).from(upstreamWatch).where(where),
    db.select({ at: sql<Date | null>`max(${upstreamWatch.observedAt})` }).from(upstreamWatch).where(eq(upstreamWatch.kind, kind)),
  ])
  const observed = seen[0]?.at ? new Date(seen[0].at) : null
  return {
    total: Number(total[0]?.n ?? 0),
    items: rows
      .map(r => ({
        account: accountOf(r),
        subject: r.w.subject,
        label: r.w.label,
        due_at: r.w.dueAt.toISOString(),
        days_left: daysUntil(r.w.dueAt.toISOString(), now.getTime()) ?? 0,
        auto_renew: r.w.autoRenew,
      })),
    observed_at: observed?.toISOString() ?? null,
  }
}

async function lowBalances(db: Awaited<ReturnType<typeof useDb>>) {
  // The latest sample per account and currency (a handful of rows per account).
  const latest = await db.selectDistinctOn([billingSamples.accountId, billingSamples.currency], {
    day: billingSamples.day, currency: billingSamples.currency, balance: billingSamples.balance,
    slug: providerAccounts.slug, displayName: providerAccounts.displayName, type: providerAccounts.type, settings: providerAccounts.settings,
  }).from(billingSamples).innerJoin(providerAccounts, eq(providerAccounts.id, billingSamples.accountId))
    .orderBy(billingSamples.accountId, billingSamples.currency, desc(billingSamples.day))
  const out: AdminDashboardView['low_balances'] = []
  for (const r of latest) {
    const threshold = parseThreshold((r.settings as Record<string, unknown>).low_balance_threshold)
    const balance = r.balance === null ? null : Number(r.balance)
    if (threshold === null || balance === null || !(balance < threshold)) continue
    out.push({ account: accountOf(r), currency: r.currency, balance, threshold, day: r.day })
  }
  return out
}

async function syncFailing(db: Awaited<ReturnType<typeof useDb>>) {
  const rows = await db.select({
    slug: providerAccounts.slug, displayName: providerAccounts.displayName, type: providerAccounts.type,
    error: accountSync.lastError, lastAttemptAt: accountSync.lastAttemptAt, lastSuccessAt: accountSync.lastSuccessAt,
  }).from(accountSync).innerJoin(providerAccounts, eq(providerAccounts.id, accountSync.accountId))
    .where(isNotNull(accountSync.lastError)).orderBy(asc(providerAccounts.slug))
  return rows.map(r => ({
    account: accountOf(r),
    error: r.error!,
    last_attempt_at: r.lastAttemptAt?.toISOString() ?? null,
    last_success_at: r.lastSuccessAt?.toISOString() ?? null,
  }))
}

async function recentActivity(db: Awaited<ReturnType<typeof useDb>>) {
  const rows = await db.select({ e: auditLog, name: users.name, email: users.email }).from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId)).orderBy(desc(auditLog.id)).limit(ACTIVITY_ROWS)
  return rows.map(r => ({
    id: r.e.id,
    at: r.e.createdAt.toISOString(),
    action: r.e.action,
    target: r.e.target,
    result: r.e.result,
    actor: r.name ?? r.email ?? null,
  }))
}

export async function adminDashboard(now = new Date()): Promise<AdminDashboardView> {
  const db = await useDb()
  // A new account's servers count here as soon as the list shows them: it reads them first too.
  await syncNeverSynced()
  const [servers, provisioning, orders_awaiting, domains_expiring, renewals_due, low_balances, sync_failing, recent_activity] = await Promise.all([
    serversTile(db),
    provisioningTile(db, new Date(now.getTime() - DAY_MS)),
    ordersAwaitingTile(db),
    watchTile(db, 'domain_expiry', now, EXPIRY_WINDOW_DAYS),
    watchTile(db, 'renewal', now, RENEWAL_WINDOW_DAYS),
    lowBalances(db),
    syncFailing(db),
    recentActivity(db),
  ])
  return { servers, provisioning, orders_awaiting, domains_expiring, renewals_due, low_balances, sync_failing, recent_activity }
}
