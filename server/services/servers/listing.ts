/** The inventory as the API shows it: list with account freshness, one server, manual sync. */
import { eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { providerAccounts, type User } from '#server/db/schema'
import { requireAccount } from '../provider-accounts'
import type { ListQuery } from './filters'
import { STALE_AFTER_MS, accountsSummary, listInventory, loadServer } from './inventory'
import { keptAnswer } from './listing-cache'
import { queueSync } from './queue'
import { refreshOne, syncAccounts, syncNeverSynced } from './sync'
import { presentServer } from './view'

/** The inventory counter's value at which a listing found every account synced once already. */
let allSyncedAt: number | undefined

/**
 * The inventory page as JSON text, kept while nothing in it changed (listing-cache.ts). Kept per
 * role and, for customers, per user: an answer holds only what its caller may see.
 */
export async function listServersJson(q: ListQuery, user: User): Promise<string> {
  const key = JSON.stringify([user.role, user.role === 'admin' ? null : user.id, q])
  return keptAnswer(key, async (version) => {
    // A fresh panel (or a new account) reads its providers right away, all at once. An answer
    // kept under an unchanged counter had none to read: reading them would have moved it. Nor
    // has any other answer built under that counter once one build found none (a new account,
    // or a sync attempt, moves it), so the look for them is skipped until the counter moves.
    if (version !== allSyncedAt) {
      const none = await syncNeverSynced()
      if (none && Number.isFinite(version)) allSyncedAt = version
    }
    const answer = await listInventory(q, user)
    return { answer, expiresAt: staleFlagsChangeAt(answer.accounts) }
  })
}

/** When the first account still shown as fresh turns stale with time alone (never for none). */
function staleFlagsChangeAt(accounts: { slug: string, stale?: boolean, last_success_at?: string | null }[]): number {
  let at = Number.POSITIVE_INFINITY
  for (const a of accounts) {
    if (a.stale === false && a.last_success_at) at = Math.min(at, Date.parse(a.last_success_at) + STALE_AFTER_MS)
  }
  return at
}

/** One server; `refresh` re-reads it upstream first (the UI polls this during transitions). */
export async function getServerView(id: string, user: User, opts: { refresh?: boolean } = {}) {
  let row = await loadServer(id, user)
  if (opts.refresh && row.server.goneAt === null) {
    const db = await useDb()
    const [account] = await db.select().from(providerAccounts).where(eq(providerAccounts.id, row.account.id))
    await refreshOne(account!, row.server.upstreamId)
    row = await loadServer(id, user)
  }
  return presentServer(row, user)
}

export async function syncNow(opts: { account?: string, wait?: boolean }) {
  const account = opts.account ? await requireAccount(opts.account) : undefined
  if (!opts.wait) {
    await queueSync(account?.id)
    return { status: 'queued' as const }
  }
  // What the caller changed upstream before asking must show: a sync begun earlier does not answer.
  await syncAccounts({ ids: account ? [account.id] : undefined, notBefore: Date.now() })
  const accounts = await accountsSummary()
  return { status: 'synced' as const, accounts: account ? accounts.filter(a => a.slug === account.slug) : accounts }
}
