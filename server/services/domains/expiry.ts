/**
 * Domains expiring within 30 days raise a notification to every admin and to the customer the
 * domain is assigned to. One notification per domain per expiry date: the daily run inserts
 * only what is not there yet (a renewal moves the date, and the next expiry notifies again),
 * and never marks an already-read notice unread again.
 */
import { and, asc, eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { notifications, providerAccounts, users } from '#server/db/schema'
import { isProviderError } from '#server/providers/errors'
import { daysUntil, normalizeDomain } from '#shared/domains/names'
import { adapterFor } from '../provider-accounts'
import { ownersFor, supportsDomains, type Owner } from './access'
import type { AccountOutcome, AccountRef } from './portfolio'

export const EXPIRY_WINDOW_DAYS = 30
/** Nothing left to renew, or nothing registered yet. */
const NOT_RENEWABLE = new Set(['expired', 'deleted', 'failed', 'requested'])

export interface ExpiringDomain {
  account: AccountRef
  domain: string
  expires_at: string
  days_left: number
  auto_renew: boolean
  owner: Owner | null
  /** New notifications made by this run (0 when every recipient already had this one). */
  notified: number
}

export async function runExpiryCheck(now = Date.now()): Promise<{ accounts: AccountOutcome[], expiring: ExpiringDomain[] }> {
  const db = await useDb()
  const accounts = (await db.select().from(providerAccounts).orderBy(asc(providerAccounts.createdAt))).filter(supportsDomains)
  const settled = await Promise.allSettled(accounts.map(a => adapterFor(a).listDomains()))
  const owners = await ownersFor(accounts.map(a => a.id))
  const admins = (await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.disabled, false)))).map(u => u.id)

  const outcomes: AccountOutcome[] = []
  const expiring: ExpiringDomain[] = []
  for (const [i, r] of settled.entries()) {
    const a = accounts[i]!
    const ref: AccountRef = { slug: a.slug, display_name: a.displayName, type: a.type }
    if (r.status === 'rejected') {
      const e = r.reason as Error & { statusCode?: number }
      outcomes.push({ ...ref, ok: false, count: 0, error: isProviderError(e) ? e.message : 'The domains of this account could not be read', status: e.statusCode ?? 500 })
      continue
    }
    outcomes.push({ ...ref, ok: true, count: r.value.length })
    for (const d of r.value) {
      const days = daysUntil(d.expires_at, now)
      if (days === null || days < 0 || days > EXPIRY_WINDOW_DAYS || NOT_RENEWABLE.has(d.status)) continue
      const name = normalizeDomain(d.name)
      const owner = owners.get(`${a.id}/${name}`) ?? null
      const autoRenewKnown = (d.extra as { auto_renew_known?: boolean } | undefined)?.auto_renew_known !== false
      const recipients = owner ? [...admins, owner.id] : admins
      const notified = await notifyOnce(recipients, {
        title: `${name} expires ${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`}`,
        body: `On ${d.expires_at!.slice(0, 10)} (${a.displayName}). ${
          !autoRenewKnown ? 'Check that it renews at the provider.' : d.auto_renew ? 'Auto-renew is on.' : 'Auto-renew is off: renew it before then.'}`,
        link: `/domains/${a.slug}/${name}`,
        dedupeKey: `domain-expiry:${a.id}:${name}:${d.expires_at!.slice(0, 10)}`,
      })
      expiring.push({ account: ref, domain: name, expires_at: d.expires_at!, days_left: days, auto_renew: d.auto_renew, owner, notified })
    }
  }
  return { accounts: outcomes, expiring }
}

/** Inserts the notice for each recipient who does not have it yet; returns how many were new. */
async function notifyOnce(userIds: string[], n: { title: string, body: string, link: string, dedupeKey: string }): Promise<number> {
  if (!userIds.length) return 0
  const db = await useDb()
  const rows = await db.insert(notifications)
    .values([...new Set(userIds)].map(userId => ({ userId, level: 'warning' as const, ...n })))
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id })
  return rows.length
}
