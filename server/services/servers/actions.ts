/**
 * Everything done to an existing server: power, suspend, resize, reinstall, delete, root
 * password. Each checks the caller, the provider's capability and the server's fresh state,
 * calls the adapter, re-reads the server and queues a sync of its account.
 */
import type { User } from '#server/db/schema'
import { NotSupportedError } from '#server/providers/errors'
import { providers } from '#server/providers/registry'
import type { ActionResult } from '#server/providers/types'
import { resultWords } from '#shared/providers/action-results'
import { audit } from '../audit'
import { findByUpstream, loadById } from './inventory'
import { queueSync } from './queue'
import type { ServerAction } from './rules'
import { upstreamKeyIds, type PublicKeyInput } from './ssh-push'
import { markGone, refreshOne } from './sync'
import { authorize, type Target } from './target'
import { presentServer } from './view'

/** The provider's own words (which name it) are for admins: a customer sees our status word only. */
const wordsFor = (user: User, result: ActionResult) => (user.role === 'admin' ? resultWords(result) : {})

export async function finish(t: Target, user: User, action: string, result: ActionResult, details: Record<string, unknown> = {}) {
  await audit({ userId: user.id, action: `server.${action}`, target: t.row.server.id, details: { account: t.account.slug, upstream_id: t.row.server.upstreamId, status: result.status, ...details } })
  // The answer shows the transition the provider started; the sync catches what follows.
  await refreshOne(t.account, t.row.server.upstreamId, t.adapter).catch(() => null)
  await queueSync(t.account.id)
  return current(t, user, result)
}

/** The answer to a change: what the provider said and the server as we hold it now. */
export async function current(t: Target, user: User, result: ActionResult) {
  const row = (await loadById(t.row.server.id)) ?? (await findByUpstream(t.account.id, t.row.server.upstreamId))
  const admin = user.role === 'admin'
  return { status: result.status, ...wordsFor(user, result), ...(admin && result.actionId ? { action_id: result.actionId } : {}), server: row ? await presentServer(row, user) : null }
}

export async function runAction(target: Target, action: ServerAction, user: User) {
  const t = await authorize(target, action, user)
  const id = t.row.server.upstreamId
  const result = action === 'suspend'
    ? await t.adapter.suspend(id)
    : action === 'unsuspend'
      ? await t.adapter.unsuspend(id)
      : await t.adapter.power(id, action)
  return finish(t, user, action, result)
}

export async function resizeServer(target: Target, input: { plan: string, resize_disk?: boolean }, user: User) {
  const t = await authorize(target, 'resize', user)
  const result = await t.adapter.resize(t.row.server.upstreamId, { plan: input.plan, resizeDisk: input.resize_disk })
  return finish(t, user, 'resize', result, { plan: input.plan })
}

export interface ReinstallInput { template: string, ssh_keys?: PublicKeyInput[], password?: string, hostname?: string, dry_run?: boolean }

export async function reinstallServer(target: Target, input: ReinstallInput, user: User) {
  const t = await authorize(target, 'reinstall', user)
  const id = t.row.server.upstreamId
  const sshKeyIds = input.ssh_keys?.length ? await upstreamKeyIds(t.adapter, input.ssh_keys, { create: !input.dry_run }) : undefined
  if (input.dry_run) {
    // Only where the provider can check without doing it; elsewhere 501 (it would reinstall for real).
    const result = await t.adapter.dryRunReinstall(id, { template: input.template, sshKeyIds })
    return { status: 'validated', ...wordsFor(user, result) }
  }
  const result = await t.adapter.reinstall(id, { template: input.template, hostname: input.hostname, password: input.password, sshKeyIds })
  return finish(t, user, 'reinstall', result, { template: input.template, ssh_keys: sshKeyIds?.length ?? 0 })
}

/** The providers that can schedule a deletion, by display name. */
const delayableProviders = () => Object.values(providers).filter(d => d.meta.facts.delete_delay).map(d => d.meta.displayName).join(' and ')

export async function deleteServer(target: Target, input: { delay?: number }, user: User) {
  const t = await authorize(target, 'destroy', user)
  // Where deleting is immediate, a delay would be ignored and delete at once.
  if (input.delay && !t.adapter.meta.facts.delete_delay) {
    throw new NotSupportedError(t.adapter.meta.displayName, 'scheduled deletion', `a delay applies to ${delayableProviders()} servers only`)
  }
  const result = await t.adapter.destroy(t.row.server.upstreamId, { delayMinutes: input.delay })
  // Deleted or cancelled: gone now, kept for the record. A delayed deletion stays until it happens.
  if (result.status !== 'deletion scheduled') await markGone(t.account.id, t.row.server.upstreamId)
  await audit({ userId: user.id, action: 'server.delete', target: t.row.server.id, details: { account: t.account.slug, upstream_id: t.row.server.upstreamId, status: result.status, delay: input.delay ?? 0 } })
  await queueSync(t.account.id)
  return { status: result.status, ...wordsFor(user, result) }
}

export async function revealRootPassword(target: Target, user: User) {
  const t = await authorize(target, 'root-password', user)
  const creds = await t.adapter.getRootPassword(t.row.server.upstreamId)
  // Who saw which server's password, never the password.
  await audit({ userId: user.id, action: 'server.root_password_revealed', target: t.row.server.id, details: { account: t.account.slug, upstream_id: t.row.server.upstreamId, username: creds.username } })
  return { username: creds.username, password: creds.password }
}
