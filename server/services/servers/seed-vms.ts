/**
 * The seed's per-account VM routes (`/api/hosting/providers/{provider}/vms…`), answered from the
 * same services as /api/servers. Servers are named by their upstream id. Admins read the provider
 * live (and the inventory follows); customers see the servers they own.
 */
import type { User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { requireAccount } from '../provider-accounts'
import { deleteServer, reinstallServer, resizeServer, runAction, type ReinstallInput } from './actions'
import { listAccountRows } from './inventory'
import { syncAccount } from './sync'
import { refreshTarget, targetByUpstream } from './target'
import { toSeedVm } from './view'

export async function listVms(slug: string, user: User) {
  const account = await requireAccount(slug)
  if (user.role === 'admin') {
    const outcome = await syncAccount(account)
    if (!outcome.ok) throw outcome.cause
  }
  return (await listAccountRows(account.id, user)).map(toSeedVm)
}

export async function getVm(slug: string, upstreamId: string, user: User) {
  const t = await refreshTarget(await targetByUpstream(slug, upstreamId, user))
  if (t.row.server.goneAt) throw httpError(404, `No server "${upstreamId}" on ${slug}: it is gone upstream`, 'server_not_found')
  return toSeedVm(t.row)
}

type SeedAction = 'start' | 'stop' | 'restart' | 'suspend' | 'unsuspend' | 'resize' | 'reinstall'

export async function vmAction(slug: string, upstreamId: string, action: SeedAction, body: unknown, user: User) {
  const t = await targetByUpstream(slug, upstreamId, user)
  const out = action === 'resize'
    ? await resizeServer(t, body as { plan: string, resize_disk?: boolean }, user)
    : action === 'reinstall'
      ? await reinstallServer(t, body as ReinstallInput, user)
      : await runAction(t, action, user)
  return { status: out.status, ...('message' in out && out.message ? { message: out.message } : {}) }
}

export async function deleteVm(slug: string, upstreamId: string, delay: number | undefined, user: User) {
  return deleteServer(await targetByUpstream(slug, upstreamId, user), { delay }, user)
}
