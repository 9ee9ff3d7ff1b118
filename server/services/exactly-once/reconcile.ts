/**
 * Settling an outcome that is not known (a lost answer), by evidence only (evidence.ts):
 * right after the failed call (still under the account lock), then by the
 * `exactly-once.reconcile` job with backoff, until the deadline moves it to needs_review.
 */
import { and, eq, inArray, ne } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { intents } from '#server/db/schema'
import { enqueue } from '#server/lib/jobs'
import { notifyAdmins } from '../notifications'
import { decide, type Claimant, type Verdict } from './evidence'
import { type KindHandler, objectFamily } from './kind'
import { withLock } from './lock'
import { evidenceOf, type Intent, loadIntent, mergeResult, move, OPEN_STATES } from './store'
import { recheckBaseMs, settleDeadlineMs } from './timing'

export const RECONCILE_JOB = 'exactly-once.reconcile'

export const accountLock = (accountId: string) => `account:${accountId}`

/** Records `upstreamId` as the intent's object and lets the kind record it locally. */
export async function settle(intent: Intent, handler: KindHandler, upstreamId: string, state: 'succeeded' | 'reconciled', how: string, made?: unknown): Promise<Intent | undefined> {
  let moved: Intent | undefined
  try {
    moved = await move(intent, state === 'succeeded' ? ['in_flight'] : ['unknown', 'in_flight', 'needs_review'], { state, upstreamId, error: null, evidence: { how } }, { anyToken: state !== 'succeeded' })
  }
  catch (e) {
    // The unique (account, upstream id) index: another intent owns it. Never share a server.
    if (isUniqueViolation(e)) {
      return toReview(intent, [upstreamId], `upstream object ${upstreamId} is already owned by another intent`)
    }
    throw e
  }
  if (!moved) return loadIntent(intent.id)
  await recordLocally(moved, handler, made)
  return loadIntent(intent.id)
}

function isUniqueViolation(e: unknown): boolean {
  for (let x = e as { code?: string, cause?: unknown } | undefined, i = 0; x && i < 4; x = x.cause as typeof x, i++) {
    if (x.code === '23505') return true
  }
  return /duplicate key|unique constraint/i.test(String((e as Error)?.message ?? ''))
}

/** Runs the kind's local bookkeeping for a settled intent (again, if a crash cut it short). */
export async function recordLocally(intent: Intent, handler: KindHandler, made?: unknown) {
  if (!intent.upstreamId) return
  try {
    const extra = await handler.settled(intent, intent.upstreamId, made)
    await mergeResult(intent.id, { ...extra, recorded: true })
    await handler.followUp?.(intent)
  }
  catch (e) {
    console.error(`[exactly-once] recording ${intent.kind} ${intent.id} (${intent.upstreamId}) failed:`, (e as Error).message)
  }
}

export async function toReview(intent: Intent, candidates: string[], reason: string, handler?: KindHandler): Promise<Intent | undefined> {
  const moved = await move(intent, ['unknown', 'in_flight'], { state: 'needs_review', evidence: { candidates, reason } }, { anyToken: true })
  if (moved) {
    const what = handler?.describe(moved) ?? moved.kind
    await notifyAdmins({
      kind: 'intent_needs_review',
      params: { what: `${moved.kind}: ${what}`, reason, candidates: candidates.length ? candidates.join(', ') : '—' },
      link: `/admin/intents?id=${moved.id}`,
      dedupeKey: `intent-review:${moved.id}`,
    }).catch(() => {})
  }
  return loadIntent(intent.id)
}

/**
 * An in_flight intent is carried out only by a request holding its account's lock. So once we
 * hold that lock and the intent is still in_flight, its request died mid-call (a crash, a
 * restart): the outcome is unknown, and it is reconciled now. Waiting for the lock while a live
 * request holds it is just waiting for that request.
 */
export async function takeOverOrphan(intentId: string, handler: KindHandler): Promise<void> {
  const first = await loadIntent(intentId)
  if (first?.state !== 'in_flight' || !first.accountId) return
  const after = await withLock(accountLock(first.accountId), async () => {
    const intent = await loadIntent(intentId)
    if (intent?.state !== 'in_flight') return intent
    await move(intent, ['in_flight'], { state: 'unknown', error: 'The request carrying out this call stopped before the provider answered', evidence: { unknown_since: new Date().toISOString() } }, { anyToken: true })
    return reconcile(intentId, handler, { locked: true })
  })
  if (after?.state === 'unknown') await queueReconcile(intentId)
}

/** One look at the evidence. `locked`: the caller already holds the account lock. */
export async function reconcile(intentId: string, handler: KindHandler, opts: { locked?: boolean } = {}): Promise<Intent | undefined> {
  const first = await loadIntent(intentId)
  if (!first || first.state !== 'unknown' || !first.accountId) return first
  const run = async () => {
    const intent = await loadIntent(intentId)
    if (!intent || intent.state !== 'unknown') return intent
    let verdict: Verdict
    try {
      verdict = await look(intent, handler)
    }
    catch (e) {
      console.warn(`[exactly-once] look-up for ${intent.id} failed:`, (e as Error).message)
      verdict = { verdict: 'wait' }
    }
    if (verdict.verdict === 'settle') return settle(intent, handler, verdict.upstreamId, 'reconciled', verdict.how)
    if (verdict.verdict === 'review') return toReview(intent, verdict.candidates, verdict.reason, handler)
    const ev = evidenceOf(intent)
    const since = Date.parse(ev.unknown_since ?? intent.updatedAt.toISOString())
    if (Date.now() - since > settleDeadlineMs()) {
      return toReview(intent, [], `no evidence of the object appeared within ${Math.round(settleDeadlineMs() / 1000)} s`, handler)
    }
    return move(intent, ['unknown'], { evidence: { checks: (ev.checks ?? 0) + 1 } }, { anyToken: true })
  }
  return opts.locked ? run() : withLock(accountLock(first.accountId), run)
}

async function look(intent: Intent, handler: KindHandler): Promise<Verdict> {
  const ev = evidenceOf(intent)
  const now = await handler.list(intent)
  const db = await useDb()
  const ids = now.map(o => o.id)
  const others = await db.select().from(intents).where(and(eq(intents.accountId, intent.accountId!), ne(intents.id, intent.id),
    ids.length ? inArray(intents.upstreamId, ids) : eq(intents.id, intent.id)))
  const rivals = (await db.select().from(intents).where(and(eq(intents.accountId, intent.accountId!), ne(intents.id, intent.id), inArray(intents.state, OPEN_STATES))))
    .filter(r => objectFamily(r.kind) === objectFamily(intent.kind))
    .map((r): Claimant => ({ before: evidenceOf(r).before ?? [], names: evidenceOf(r).names ?? [] }))
  return decide({
    now,
    before: ev.before ?? [],
    names: ev.names ?? [],
    uniqueMarker: ev.unique_marker ? ev.marker ?? null : null,
    owned: new Set(others.map(o => o.upstreamId!).filter(Boolean)),
    rivals,
  })
}

/** Queues the next look, backing off: base, 2×base, 4×base … at most a minute. */
export async function queueReconcile(intentId: string, attempt = 0) {
  const delayMs = Math.min(recheckBaseMs() * 2 ** attempt, 60_000)
  await enqueue(RECONCILE_JOB, { intentId, attempt }, { startAfter: new Date(Date.now() + delayMs), retryLimit: 5 })
    .catch(e => console.warn('[exactly-once] could not queue a re-check:', (e as Error).message))
}
