/**
 * Refreshes `upstream_watch`: every account's domain expiry dates and subscription renewal
 * dates, read from the providers in parallel. Each account and kind is replaced as a whole when
 * its read works (a renewed domain moves, a cancelled subscription leaves); a failed or
 * unsupported read leaves the last rows, so the dashboard keeps what it knew.
 */
import { and, asc, eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { providerAccounts, upstreamWatch, type ProviderAccount } from '#server/db/schema'
import { getDefinition } from '#server/providers/registry'
import { isProviderError } from '#server/providers/errors'
import { adapterFor } from '../provider-accounts'
import { daysUntil, normalizeDomain } from '#shared/domains/names'
import { emitAlert } from '../alerts/emit'

/** A subscription renewing this soon alerts the admins (renewal_due), once per renewal date. */
const RENEWAL_ALERT_DAYS = 14

type WatchKind = typeof upstreamWatch.$inferInsert['kind']
interface WatchRow { subject: string, label: string | null, dueAt: Date, autoRenew: boolean | null }
export interface WatchRun { refreshed: number, failed: { slug: string, kind: WatchKind, error: string }[] }

/** Domains gone for good, or not registered yet (an expired one stays: it may still be redeemed). */
const NOT_RENEWABLE = new Set(['deleted', 'failed', 'requested'])
/** Subscription states (lower-cased provider words) that will not renew. */
const ENDED_SUBSCRIPTION = new Set(['cancelled', 'canceled', 'expired', 'terminated', 'deleted', 'closed'])

const validDate = (s: string | null | undefined) => {
  if (!s) return null
  const d = new Date(s)
  return Number.isNaN(d.getTime()) ? null : d
}

async function domainRows(account: ProviderAccount): Promise<WatchRow[]> {
  const rows: WatchRow[] = []
  for (const d of await adapterFor(account).listDomains()) {
    const due = validDate(d.expires_at)
    if (!due || NOT_RENEWABLE.has(d.status)) continue
    rows.push({ subject: normalizeDomain(d.name), label: null, dueAt: due, autoRenew: d.auto_renew })
  }
  return rows
}

async function renewalRows(account: ProviderAccount): Promise<WatchRow[]> {
  const rows: WatchRow[] = []
  for (const s of await adapterFor(account).listSubscriptions()) {
    const due = validDate(s.renews_at)
    // The adapters give `renews_at` only for a subscription that renews.
    if (!due || ENDED_SUBSCRIPTION.has(s.status.toLowerCase())) continue
    rows.push({ subject: s.id, label: s.name, dueAt: due, autoRenew: true })
  }
  return rows
}

const READERS: Record<WatchKind, { capability: 'domains' | 'billing', read: (a: ProviderAccount) => Promise<WatchRow[]> }> = {
  domain_expiry: { capability: 'domains', read: domainRows },
  renewal: { capability: 'billing', read: renewalRows },
}

async function refreshOne(account: ProviderAccount, kind: WatchKind, now: Date, run: WatchRun) {
  const reader = READERS[kind]
  if (getDefinition(account.type)?.meta.capabilities[reader.capability]?.supported !== true) return
  let rows: WatchRow[]
  try { rows = await reader.read(account) }
  catch (e) {
    if (isProviderError(e) && e.code === 'not_supported') return
    run.failed.push({ slug: account.slug, kind, error: isProviderError(e) ? e.message : 'unexpected error' })
    if (!isProviderError(e)) console.error(`[dashboard] reading ${kind} of ${account.slug} failed:`, e)
    return
  }
  const db = await useDb()
  await db.transaction(async (tx) => {
    await tx.delete(upstreamWatch).where(and(eq(upstreamWatch.kind, kind), eq(upstreamWatch.accountId, account.id)))
    if (rows.length) {
      // One row per subject: a provider listing a domain twice keeps its first date.
      const unique = [...new Map(rows.map(r => [r.subject, r])).values()]
      await tx.insert(upstreamWatch).values(unique.map(r => ({ kind, accountId: account.id, ...r, observedAt: now })))
    }
  })
  run.refreshed++
  if (kind === 'renewal') await alertRenewals(account, rows, now)
}

async function alertRenewals(account: ProviderAccount, rows: WatchRow[], now: Date) {
  for (const r of rows) {
    const days = daysUntil(r.dueAt.toISOString(), now.getTime())
    if (days === null || days < 0 || days > RENEWAL_ALERT_DAYS) continue
    const date = r.dueAt.toISOString().slice(0, 10)
    await emitAlert({
      kind: 'renewal_due',
      params: { subscription: r.label ?? r.subject, days, date, account: account.displayName },
      link: '/billing',
      to: { admins: true },
      dedupeKey: `renewal-due:${account.id}:${r.subject}:${date}`,
      repeat: 'once',
    })
  }
}

export async function refreshUpstreamWatch(now = new Date()): Promise<WatchRun> {
  const db = await useDb()
  const accounts = await db.select().from(providerAccounts).orderBy(asc(providerAccounts.createdAt))
  const run: WatchRun = { refreshed: 0, failed: [] }
  await Promise.all(accounts.flatMap(a => (Object.keys(READERS) as WatchKind[]).map(kind => refreshOne(a, kind, now, run))))
  return run
}
