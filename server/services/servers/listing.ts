/** The inventory as the API shows it: list with account freshness, one server, manual sync. */
import { eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { providerAccounts, type User } from '#server/db/schema'
import { requireAccount } from '../provider-accounts'
import type { ListQuery } from './filters'
import { accountsSummary, listInventory, loadServer } from './inventory'
import { queueSync } from './queue'
import { refreshOne, syncAccounts, syncNeverSynced } from './sync'
import { toServerView } from './view'

export async function listServers(q: ListQuery, user: User) {
  // A fresh panel (or a new account) reads its providers right away, all at once.
  await syncNeverSynced()
  return listInventory(q, user)
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
  return toServerView(row, { admin: user.role === 'admin' })
}

export async function syncNow(opts: { account?: string, wait?: boolean }) {
  const account = opts.account ? await requireAccount(opts.account) : undefined
  if (!opts.wait) {
    await queueSync(account?.id)
    return { status: 'queued' as const }
  }
  await syncAccounts(account ? { ids: [account.id] } : {})
  const accounts = await accountsSummary()
  return { status: 'synced' as const, accounts: account ? accounts.filter(a => a.slug === account.slug) : accounts }
}
