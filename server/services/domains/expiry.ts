/**
 * Domains expiring within 30 days raise an alert (domain_expiring) to every admin and to the
 * customer the domain is assigned to, once per threshold: when 30, 7 and 1 days or fewer are
 * left. An expired domain raises domain_expired once. The dedupe key names the expiry date, so a
 * renewal moves the date and the next expiry alerts again; a read notice never turns unread.
 */
import { asc } from 'drizzle-orm'
import { emitAlert } from '../notifications'
import { useDb } from '#server/db/client'
import { providerAccounts } from '#server/db/schema'
import { isProviderError } from '#server/providers/errors'
import { daysUntil, normalizeDomain } from '#shared/domains/names'
import { adapterFor } from '../provider-accounts'
import { ownersFor, supportsDomains, type Owner } from './access'
import type { AccountOutcome, AccountRef } from './portfolio'

export const EXPIRY_WINDOW_DAYS = 30
/** Each alerts once: the smallest threshold at or above the days left. */
export const EXPIRY_THRESHOLDS = [1, 7, 30] as const
/** Nothing left to renew, or nothing registered yet. */
const NOT_RENEWABLE = new Set(['expired', 'deleted', 'failed', 'requested'])
/** Gone for good or never there: no expiry alert at all. */
const NO_ALERT = new Set(['deleted', 'failed', 'requested'])

export function expiryThreshold(daysLeft: number): number | null {
  return EXPIRY_THRESHOLDS.find(t => daysLeft <= t) ?? null
}

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

export async function runExpiryCheck(now = Date.now()): Promise<{ accounts: AccountOutcome[], expiring: ExpiringDomain[], expired: ExpiringDomain[] }> {
  const db = await useDb()
  const accounts = (await db.select().from(providerAccounts).orderBy(asc(providerAccounts.createdAt))).filter(supportsDomains)
  const settled = await Promise.allSettled(accounts.map(a => adapterFor(a).listDomains()))
  const owners = await ownersFor(accounts.map(a => a.id))

  const outcomes: AccountOutcome[] = []
  const expiring: ExpiringDomain[] = []
  const expired: ExpiringDomain[] = []
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
      if (days === null || NO_ALERT.has(d.status)) continue
      const isExpired = days < 0 || d.status === 'expired'
      if (!isExpired && (days > EXPIRY_WINDOW_DAYS || NOT_RENEWABLE.has(d.status))) continue
      const name = normalizeDomain(d.name)
      const owner = owners.get(`${a.id}/${name}`) ?? null
      const date = d.expires_at!.slice(0, 10)
      const threshold = isExpired ? 'expired' : expiryThreshold(days)
      const alert = {
        kind: isExpired ? 'domain_expired' as const : 'domain_expiring' as const,
        params: { domain: name, days: Math.max(days, 0), date, account: a.displayName },
        dedupeKey: `domain-expiry:${a.id}:${name}:${date}:${threshold}`,
        repeat: 'once' as const,
      }
      const toAdmins = await emitAlert({ ...alert, link: `/domains/${a.slug}/${name}`, to: { admins: true } })
      // White label: the owner's copy links the domain by its name alone (the page finds the account).
      const toOwner = owner ? await emitAlert({ ...alert, link: `/domains/${name}`, to: { users: [owner.id] }, dedupeKey: `${alert.dedupeKey}:owner`, webhook: false }) : { inApp: 0 }
      const row = { account: ref, domain: name, expires_at: d.expires_at!, days_left: days, auto_renew: d.auto_renew, owner, notified: toAdmins.inApp + toOwner.inApp }
      if (isExpired) expired.push(row)
      else expiring.push(row)
    }
  }
  return { accounts: outcomes, expiring, expired }
}
