/**
 * The `servers.provision` job for one settled create intent: runs the provider's install step
 * once the provider allows it (an Inferno order must be paid). A lost answer is settled by the
 * exactly-once engine before this job is queued.
 *
 * Safe to repeat (pg-boss retries a job that throws): the server's state is read before
 * installing, and a server that no longer waits for its install is never installed again.
 */
import { getAccountById, adapterFor } from '../provider-accounts'
import { notifyUser } from '../notifications'
import { isProviderError } from '#server/providers/errors'
import { DONE_STATES, type Intent, loadIntent, mergeResult } from '../exactly-once/store'
import type { StoredRequest } from './create'
import { queueSync } from './queue'
import { needsInstall, waitingForProvider } from './rules'
import { refreshOne } from './sync'

/** How long one run waits for the provider before handing back to pg-boss's retry. */
const WAIT_IN_JOB_MS = 60_000

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

export class RetryLater extends Error {}

export async function provision(intentId: string): Promise<void> {
  const intent = await loadIntent(intentId)
  if (!intent || intent.kind !== 'server.create' || !intent.accountId || !DONE_STATES.includes(intent.state)) return
  const account = await getAccountById(intent.accountId)
  if (!account) return
  const adapter = adapterFor(account)
  const stored = intent.request as unknown as StoredRequest

  const result = (intent.result ?? {}) as { upstream_id?: string, installed?: boolean }
  if (result.installed || !result.upstream_id) return

  const deadline = Date.now() + WAIT_IN_JOB_MS
  for (;;) {
    const rec = await refreshOne(account, result.upstream_id, adapter)
    if (!rec) {
      await mergeResult(intent.id, { installed: false, install_error: 'The server disappeared upstream before its install' })
      return
    }
    if (!needsInstall(account.type, rec.rawStatus)) {
      await mergeResult(intent.id, { installed: true })
      return
    }
    if (!waitingForProvider(account.type, rec.rawStatus)) break
    if (Date.now() > deadline) throw new RetryLater(`${account.displayName} has not made server ${result.upstream_id} ready for its install yet`)
    await sleep(1000)
  }

  try {
    await adapter.installServer(result.upstream_id, { template: stored.template ?? '', hostname: stored.hostname, sshKeyIds: stored.upstream_ssh_key_ids })
  }
  catch (err) {
    // Another worker may have installed it meanwhile (a refusal then means "already done").
    const now = await refreshOne(account, result.upstream_id, adapter).catch(() => null)
    if (now && !needsInstall(account.type, now.rawStatus)) {
      await mergeResult(intent.id, { installed: true })
      return
    }
    // A refusal will not change on retry: say so and stop. Anything else is retried, and the
    // next run reads the state first, so an install that did happen is not repeated.
    if (isProviderError(err) && (err.code === 'invalid_request' || err.code === 'not_supported' || err.code === 'conflict')) {
      await mergeResult(intent.id, { installed: false, install_error: err.message })
      await tell(intent, stored.hostname, err.message)
      return
    }
    throw err
  }
  await mergeResult(intent.id, { installed: true })
  await refreshOne(account, result.upstream_id, adapter).catch(() => null)
  await queueSync(account.id)
}

async function tell(intent: Intent, hostname: string, message: string) {
  if (intent.userId) await notifyUser(intent.userId, { kind: 'provisioning_failed', params: { hostname, message }, link: '/servers' }).catch(() => {})
}
