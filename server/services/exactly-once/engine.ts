/**
 * The exactly-once engine: every call that spends money or creates something upstream goes
 * through `execute`. States: pending → in_flight → succeeded | failed | unknown, and unknown →
 * reconciled | needs_review (README "Exactly-once").
 *
 *   1. claim: one intent per (user, Idempotency-Key), or per identical keyless request of the
 *      last minute; a repeat follows the first request and gets its current state;
 *   2. under the per-account lock: refuse-before-sending checks, the "before" snapshot, then
 *      in_flight and the one upstream call (the HTTP client never retries it);
 *   3. an answer → succeeded; a definite refusal (4xx, 429, refused before sending) → failed,
 *      which is not the key's answer: the same key may try again; anything else → unknown,
 *      reconciled by evidence (reconcile.ts), never by sending again.
 */
import { ProviderError, type ProviderErrorCode } from '#server/providers/errors'
import { httpError } from '#server/lib/http-errors'
import type { KindHandler } from './kind'
import { definiteFailure, requestHash } from './keys'
import { withLock } from './lock'
import { accountLock, queueReconcile, reconcile, recordLocally, settle, takeOverOrphan } from './reconcile'
import { claimIntent, DONE_STATES, type Intent, type IntentKind, loadIntent, move, type StoredError, toStoredError, waitWhileBusy } from './store'
import { followWaitMs } from './timing'

export interface Made {
  upstreamId: string
  /** The provider's answer, handed to the kind's `settled`. */
  record?: unknown
}

export interface Attempt {
  kind: IntentKind
  handler: KindHandler
  userId: string
  accountId: string
  /** The client's Idempotency-Key, or null (keyless). */
  key: string | null
  /** What makes two requests the same one (hashed canonically, with kind and account). */
  identity: Record<string, unknown>
  /** Kept on the intent for the job and for admins: never a secret. */
  request: Record<string, unknown>
  /**
   * Work and refusals before anything is bought (run under the lock): "already in the
   * portfolio", pushing SSH keys. What it returns is merged into the stored request.
   */
  precheck?: () => Promise<Record<string, unknown> | undefined>
  /** The one upstream call. `marker` is the intent's short id, for the object's name where allowed. */
  send(marker: string, intent: Intent): Promise<Made>
}

export interface Outcome {
  /** True for the request that made the call; false for a repeat. */
  first: boolean
  intent: Intent
}

/** The short id put on upstream objects: `eo-` and the intent id's first 12 hex digits. */
export const markerOf = (intent: Pick<Intent, 'id'>) => `eo-${intent.id.replace(/-/g, '').slice(0, 12)}`

export async function execute(a: Attempt): Promise<Outcome> {
  const hash = requestHash({ kind: a.kind, account: a.accountId, ...a.identity })
  const claim = await claimIntent({ kind: a.kind, userId: a.userId, accountId: a.accountId, key: a.key, hash, request: a.request })
  if (!claim.won) return { first: false, intent: await follow(claim.intent, a.handler) }
  return { first: true, intent: await perform(claim.intent, a) }
}

async function perform(claimed: Intent, a: Attempt): Promise<Intent> {
  return withLock(accountLock(a.accountId), async () => {
    const marker = markerOf(claimed)
    let before: string[]
    let extra: Record<string, unknown> | undefined
    try {
      extra = await a.precheck?.()
      before = (await a.handler.list(claimed)).map(o => o.id)
    }
    catch (e) {
      await fail(claimed, e)
      throw e
    }
    const { names, uniqueMarker } = a.handler.names(claimed, marker)
    const flying = await move(claimed, ['pending'], {
      state: 'in_flight',
      evidence: { marker, before, names, unique_marker: !!uniqueMarker },
      ...(extra ? { request: { ...claimed.request, ...extra } } : {}),
    })
    // Someone took the claim over (a stale sweep): this request must not send.
    if (!flying) throw httpError(409, 'This request was taken over by another attempt; ask again with the same key', 'idempotency_in_progress')
    let made: Made
    try {
      made = await a.send(marker, flying)
    }
    catch (e) {
      if (definiteFailure(e)) {
        await fail(flying, e)
        throw e
      }
      await move(flying, ['in_flight'], { state: 'unknown', error: (e as Error).message, evidence: { unknown_since: new Date().toISOString() } })
      const now = await reconcile(flying.id, a.handler, { locked: true })
      if (now?.state === 'unknown') await queueReconcile(flying.id)
      return now ?? flying
    }
    return (await settle(flying, a.handler, made.upstreamId, 'succeeded', 'answer', made.record)) ?? flying
  })
}

async function fail(intent: Intent, e: unknown) {
  const stored = toStoredError(e)
  await move(intent, ['pending', 'in_flight'], { state: 'failed', error: stored.message, result: { error: stored } })
}

/** A repeat: waits while the first request runs, then answers what it left (a refusal is thrown). */
export async function follow(existing: Intent, handler?: KindHandler): Promise<Intent> {
  if (existing.state === 'in_flight' && handler) await takeOverOrphan(existing.id, handler)
  const intent = await waitWhileBusy(existing.id, followWaitMs())
  if (intent.state === 'failed') throw storedToError(intent)
  if (handler && DONE_STATES.includes(intent.state) && !(intent.result as { recorded?: boolean } | null)?.recorded) {
    await recordLocally(intent, handler)
    return (await loadIntent(intent.id)) ?? intent
  }
  return intent
}

/** The refusal the first request got, for a twin that waited on it. */
export function storedToError(intent: Intent): Error {
  const s = ((intent.result as { error?: StoredError } | null)?.error) ?? { status: 502, message: intent.error ?? 'The request failed' }
  if (s.provider) return new ProviderError({ provider: s.provider, code: (s.code ?? 'upstream_error') as ProviderErrorCode, statusCode: s.status, message: s.message })
  return httpError(s.status, s.message, s.code)
}
