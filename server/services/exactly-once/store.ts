/**
 * The `intents` rows and their moves. Every move is one conditional UPDATE (state and claim
 * token), so two requests, a job and an admin can never both move one intent.
 */
import { randomUUID } from 'node:crypto'
import { and, desc, eq, gt, inArray, like, sql } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { intents } from '#server/db/schema'
import { isProviderError } from '#server/providers/errors'
import { httpError } from '#server/lib/http-errors'
import { EO } from './keys'

export type Intent = typeof intents.$inferSelect
export type IntentKind = Intent['kind']
export type IntentState = Intent['state']

/** An intent that has its upstream object. */
export const DONE_STATES: IntentState[] = ['succeeded', 'reconciled']
/** The request is still being carried out (by a request; no one else may send). */
export const BUSY_STATES: IntentState[] = ['pending', 'in_flight']
/** Not settled and not assigned: it could still turn out to own an upstream object. */
export const OPEN_STATES: IntentState[] = ['in_flight', 'unknown', 'needs_review']

/** A keyless request: an identical one from the same user within this window is the same request. */
export const KEYLESS_WINDOW_MS = 60_000

export interface Evidence {
  /** Changes at every claim: moves of an older claim no longer apply. */
  token?: string
  /** This intent's short id, put on the upstream object where the provider lets us. */
  marker?: string
  /** Upstream ids on the account just before the call (taken under the account lock). */
  before?: string[]
  /** Names the object will carry (marker, requested hostname, domain); empty: set difference only. */
  names?: string[]
  /** The marker alone identifies the object (we chose it; no one else has it). */
  unique_marker?: boolean
  unknown_since?: string
  checks?: number
  /** How it was settled: 'answer', 'marker', 'difference', 'admin'. */
  how?: string
  candidates?: string[]
  reason?: string
}

export const evidenceOf = (i: Intent) => (i.evidence ?? {}) as Evidence

export interface ClaimInput {
  kind: IntentKind
  userId: string
  accountId: string
  /** The client's key, or null for a keyless request. */
  key: string | null
  hash: string
  request: Record<string, unknown>
}

/** `won`: this caller must carry the request out. Otherwise the intent it repeats. */
export async function claimIntent(input: ClaimInput): Promise<{ won: boolean, intent: Intent }> {
  const existing = input.key === null ? await claimKeyless(input) : await claimKeyed(input, input.key)
  if (existing.won) return existing
  const row = existing.intent
  if (row.requestHash !== input.hash || row.userId !== input.userId) throw EO.keyReused()
  // A definite failure bought nothing and is not the key's answer: this request tries again.
  if (row.state === 'failed') {
    const again = await move(row, ['failed'], { state: 'pending', error: null, result: null, evidence: { token: randomUUID() } }, { anyToken: true })
    if (again) return { won: true, intent: again }
  }
  return existing
}

async function claimKeyed(input: ClaimInput, key: string) {
  const db = await useDb()
  const stored = `${input.userId}:${key}`
  const [mine] = await db.insert(intents).values(rowOf(input, stored)).onConflictDoNothing({ target: [intents.kind, intents.idempotencyKey] }).returning()
  if (mine) return { won: true, intent: mine }
  const [row] = await db.select().from(intents).where(and(eq(intents.kind, input.kind), eq(intents.idempotencyKey, stored)))
  if (!row) throw EO.inProgress()
  return { won: false, intent: row }
}

/** Without a key: the same user's identical request of the last minute, or a new intent. */
async function claimKeyless(input: ClaimInput) {
  const db = await useDb()
  return db.transaction(async (tx) => {
    // Serialises identical keyless requests (one lock per user and request) across instances.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`exactly-once:keyless:${input.userId}:${input.hash}`}))`)
    const [recent] = await tx.select().from(intents).where(and(
      eq(intents.kind, input.kind), eq(intents.userId, input.userId), eq(intents.requestHash, input.hash),
      like(intents.idempotencyKey, 'auto:%'), gt(intents.createdAt, new Date(Date.now() - KEYLESS_WINDOW_MS)),
    )).orderBy(desc(intents.createdAt)).limit(1)
    if (recent) return { won: false, intent: recent }
    const [mine] = await tx.insert(intents).values(rowOf(input, `auto:${randomUUID()}`)).returning()
    return { won: true, intent: mine! }
  })
}

function rowOf(input: ClaimInput, key: string) {
  return {
    kind: input.kind, idempotencyKey: key, userId: input.userId, accountId: input.accountId,
    requestHash: input.hash, request: input.request, state: 'pending' as const, evidence: { token: randomUUID() },
  }
}

/** The intent a user's key names, if any. */
export async function findByKey(kind: IntentKind, userId: string, key: string): Promise<Intent | undefined> {
  const db = await useDb()
  const [row] = await db.select().from(intents).where(and(eq(intents.kind, kind), eq(intents.idempotencyKey, `${userId}:${key}`)))
  return row
}

export async function loadIntent(id: string): Promise<Intent | undefined> {
  const db = await useDb()
  const [row] = await db.select().from(intents).where(eq(intents.id, id))
  return row
}

type Patch = Partial<Pick<Intent, 'state' | 'result' | 'error' | 'upstreamId' | 'request'>> & { evidence?: Evidence }

/**
 * Moves `intent` from one of `from` to `patch`, only while its claim token is the one the caller
 * holds (unless `anyToken`). Evidence is merged. Undefined when the intent had moved on.
 */
export async function move(intent: Intent, from: IntentState[], patch: Patch, opts: { anyToken?: boolean } = {}): Promise<Intent | undefined> {
  const db = await useDb()
  const token = evidenceOf(intent).token
  const conds = [eq(intents.id, intent.id), inArray(intents.state, from)]
  if (!opts.anyToken && token) conds.push(sql`${intents.evidence}->>'token' = ${token}`)
  const { evidence, ...rest } = patch
  const set: Record<string, unknown> = { ...rest, updatedAt: new Date() }
  if (evidence) set.evidence = sql`coalesce(${intents.evidence}, '{}'::jsonb) || ${JSON.stringify(evidence)}::jsonb`
  const [row] = await db.update(intents).set(set).where(and(...conds)).returning()
  return row
}

/** Merges into `result` in one statement (a job and a request never overwrite each other's keys). */
export async function mergeResult(id: string, patch: Record<string, unknown>) {
  const db = await useDb()
  await db.update(intents).set({ result: sql`coalesce(${intents.result}, '{}'::jsonb) || ${JSON.stringify(patch)}::jsonb`, updatedAt: new Date() }).where(eq(intents.id, id))
}

/** Settled a moment ago and still being recorded locally by the request that settled it. */
const recording = (row: Intent) => DONE_STATES.includes(row.state) && !(row.result as { recorded?: boolean } | null)?.recorded
  && Date.now() - row.updatedAt.getTime() < 10_000

/** Polls while another request carries the intent out; returns it as it then stands. */
export async function waitWhileBusy(id: string, maxMs: number): Promise<Intent> {
  const until = Date.now() + maxMs
  for (;;) {
    const row = await loadIntent(id)
    if (!row) throw httpError(404, 'The request this key belongs to has disappeared', 'intent_not_found')
    if ((!BUSY_STATES.includes(row.state) && !recording(row)) || Date.now() > until) return row
    await new Promise(r => setTimeout(r, 150))
  }
}

/** The failure to store: enough to answer a twin that waited with the same error. */
export interface StoredError { status: number, message: string, code?: string, provider?: string }

export function toStoredError(e: unknown): StoredError {
  if (isProviderError(e)) return { status: e.statusCode, message: e.message, code: e.code, provider: e.provider }
  const err = e as { statusCode?: number, message?: string, data?: { code?: string } }
  if (err?.statusCode && err.statusCode < 500) return { status: err.statusCode, message: err.message ?? 'The request was refused', code: err.data?.code }
  // Never store (or replay) an internal message.
  return { status: 502, message: 'The request failed' }
}
