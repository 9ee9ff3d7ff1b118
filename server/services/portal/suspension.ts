/**
 * An admin suspends a customer's server, with a reason the customer sees.
 *
 * Where the provider can suspend (VirtFusion), its own suspension is used. Elsewhere the server
 * is stopped and locked in the panel (`servers.admin_locked_at`): the servers API then refuses a
 * customer's start with a 409 naming the reason. Either way the lock and reason are stored, so
 * the customer's server page says why.
 */
import { eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { providerAccounts, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { isProviderError } from '#server/providers/errors'
import { adapterFor } from '../provider-accounts'
import { notifyUser } from '../notifications'
import { loadServer } from '../servers/inventory'
import { patchServer } from '../servers/ownership'
import { refreshOne } from '../servers/sync'
import { toServerView } from '../servers/view'

async function context(id: string) {
  const row = await loadServer(id, { id: '', role: 'admin' })
  if (row.server.goneAt) throw httpError(409, `${row.server.name} is gone: the provider no longer has it`, 'server_gone')
  const db = await useDb()
  const [account] = await db.select().from(providerAccounts).where(eq(providerAccounts.id, row.server.accountId))
  return { row, account: account!, adapter: adapterFor(account!) }
}

/** Provider refusals that only mean "already there" (stopping a stopped server). */
const alreadyThere = (e: unknown) => isProviderError(e) && e.code === 'conflict'

/** `notify: false` when the caller tells the customer itself (the billing run's own notice). */
export async function suspendServer(id: string, reason: string, admin: User, opts: { notify?: boolean } = {}) {
  const { row, account, adapter } = await context(id)
  const native = adapter.meta.capabilities.suspend.supported
  if (native) {
    if (row.server.status !== 'suspended') await adapter.suspend(row.server.upstreamId).catch((e) => { if (!alreadyThere(e)) throw e })
  }
  else if (row.server.status !== 'stopped') {
    await adapter.power(row.server.upstreamId, 'stop').catch((e) => { if (!alreadyThere(e)) throw e })
  }
  await patchServer(id, { admin_locked: true, lock_reason: reason })
  await refreshOne(account, row.server.upstreamId, adapter).catch(() => null)
  if (row.server.ownerId && opts.notify !== false) {
    await notifyUser(row.server.ownerId, { kind: 'server_suspended', params: { server: row.server.name, reason }, link: `/servers/${id}` })
  }
  return { status: 'suspended', method: native ? 'provider' : 'stopped and locked', server: await view(id, admin) }
}

export async function unsuspendServer(id: string, admin: User, opts: { notify?: boolean } = {}) {
  const { row, account, adapter } = await context(id)
  const native = adapter.meta.capabilities.suspend.supported
  if (native && row.server.status === 'suspended') await adapter.unsuspend(row.server.upstreamId).catch((e) => { if (!alreadyThere(e)) throw e })
  await patchServer(id, { admin_locked: false })
  // Elsewhere the suspension was a stop: starting it again is what lifting it means.
  if (!native && row.server.status === 'stopped') await adapter.power(row.server.upstreamId, 'start').catch((e) => { if (!alreadyThere(e)) throw e })
  await refreshOne(account, row.server.upstreamId, adapter).catch(() => null)
  if (row.server.ownerId && opts.notify !== false) {
    await notifyUser(row.server.ownerId, { kind: 'server_unsuspended', params: { server: row.server.name }, link: `/servers/${id}` })
  }
  return { status: 'unsuspended', server: await view(id, admin) }
}

async function view(id: string, admin: User) {
  return toServerView(await loadServer(id, admin), { admin: true })
}
