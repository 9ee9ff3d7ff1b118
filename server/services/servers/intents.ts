/**
 * Exactly-once bookkeeping in the `intents` table. The row is inserted before any upstream call
 * and the unique (kind, key) index decides who makes the call: the loser of a race reads the
 * winner's row and waits for its outcome instead of calling the provider itself.
 */
import { createHash } from 'node:crypto'
import { and, eq, lt, sql } from 'drizzle-orm'
import { useDb } from '../../db/client'
import { intents } from '../../db/schema'
import { httpError } from '../../lib/http-errors'
import { env } from '../../lib/config'

export type Intent = typeof intents.$inferSelect
export type IntentKind = Intent['kind']

/** JSON with sorted keys and no undefined, so equal requests hash equally whatever their key order. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`
  }
  return JSON.stringify(v ?? null)
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex')
}

const KEY_RE = /^[\w.:-]{8,200}$/

export function checkIdempotencyKey(key: string | undefined | null): string {
  const k = key?.trim()
  if (!k) throw httpError(400, 'Send an Idempotency-Key header (a UUID): it makes a repeated request return the same server instead of buying another', 'idempotency_key_required')
  if (!KEY_RE.test(k)) throw httpError(400, 'Idempotency-Key must be 8–200 letters, digits, dots, colons, underscores or hyphens (a UUID works)', 'invalid_idempotency_key')
  return k
}

export interface ClaimInput {
  kind: IntentKind
  key: string
  userId: string
  accountId: string
  hash: string
  request: Record<string, unknown>
}

/** `won`: this caller must do the work. Otherwise the existing intent (same request, checked). */
export async function claimIntent(input: ClaimInput): Promise<{ won: boolean, intent: Intent }> {
  const db = await useDb()
  const [mine] = await db.insert(intents).values({
    kind: input.kind, idempotencyKey: input.key, userId: input.userId, accountId: input.accountId,
    requestHash: input.hash, request: input.request, state: 'pending',
  }).onConflictDoNothing({ target: [intents.kind, intents.idempotencyKey] }).returning()
  if (mine) return { won: true, intent: mine }
  const [existing] = await db.select().from(intents).where(and(eq(intents.kind, input.kind), eq(intents.idempotencyKey, input.key)))
  if (!existing) throw httpError(409, 'That Idempotency-Key is being reused right now; try again', 'idempotency_conflict')
  if (existing.requestHash !== input.hash || existing.userId !== input.userId) {
    throw httpError(422, 'This Idempotency-Key was already used for a different request; use a new key for a new server', 'idempotency_key_reused')
  }
  // Nothing was bought by a failed attempt: one caller may try again under the same key.
  if (existing.state === 'failed') {
    const [again] = await db.update(intents).set({ state: 'pending', error: null, updatedAt: new Date() })
      .where(and(eq(intents.id, existing.id), eq(intents.state, 'failed'))).returning()
    if (again) return { won: true, intent: again }
  }
  return { won: false, intent: existing }
}

export async function loadIntent(id: string): Promise<Intent | undefined> {
  const db = await useDb()
  const [row] = await db.select().from(intents).where(eq(intents.id, id))
  return row
}

export async function updateIntent(id: string, patch: Partial<Pick<Intent, 'state' | 'result' | 'error' | 'request'>>) {
  const db = await useDb()
  const [row] = await db.update(intents).set({ ...patch, updatedAt: new Date() }).where(eq(intents.id, id)).returning()
  return row!
}

/** Merges into `result` in one statement, so the job and a request never overwrite each other's keys. */
export async function mergeResult(id: string, patch: Record<string, unknown>) {
  const db = await useDb()
  await db.update(intents).set({ result: sql`coalesce(${intents.result}, '{}'::jsonb) || ${JSON.stringify(patch)}::jsonb`, updatedAt: new Date() }).where(eq(intents.id, id))
}

/** A pending intent untouched this long lost its worker (a crash mid-call): its outcome is unknown. */
export function stalePendingMs() {
  const timeout = env().UPSTREAM_TIMEOUT_MS
  return 3 * timeout + 30_000
}

export async function markStaleUnknown(id: string): Promise<boolean> {
  const db = await useDb()
  const rows = await db.update(intents).set({ state: 'unknown', error: 'The request handling this create stopped before the provider answered', updatedAt: new Date() })
    .where(and(eq(intents.id, id), eq(intents.state, 'pending'), lt(intents.updatedAt, new Date(Date.now() - stalePendingMs())))).returning({ id: intents.id })
  return rows.length > 0
}

/** Waits for another request's attempt to settle; returns the intent as it then stands. */
export async function waitForIntent(id: string, maxMs = stalePendingMs()): Promise<Intent> {
  const until = Date.now() + maxMs
  for (;;) {
    const row = await loadIntent(id)
    if (!row) throw httpError(404, 'The create this key belongs to has disappeared', 'intent_not_found')
    if (row.state !== 'pending' || Date.now() > until) return row
    await new Promise(r => setTimeout(r, 150))
  }
}
