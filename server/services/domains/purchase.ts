/**
 * Buying a domain, exactly once per Idempotency-Key.
 *
 * The intent row is inserted before anything goes upstream; the unique (kind, key) index makes
 * one request the winner, and every concurrent or later request with that key follows the row:
 * it waits while the row is pending, then answers the stored result or error. Nothing but the
 * winner ever calls purchase.
 *
 * An answer that never came (timeout, dropped connection, a 5xx) leaves the outcome unknown. It
 * is settled by reading the portfolio — never by buying again: found means bought (the winner
 * checked first that the name was not already there), absent means nothing was bought.
 */
import { createHash } from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import { useDb } from '../../db/client'
import { intents, type ProviderAccount, type User } from '../../db/schema'
import { httpError } from '../../lib/http-errors'
import { isProviderError, ProviderError, type ProviderErrorCode } from '../../providers/errors'
import type { BaseAdapter } from '../../providers/base'
import type { PurchaseBody } from '../../../shared/domains/schema'
import { adapterFor } from '../provider-accounts'
import { presentDomain, type PublicDomain } from './present'

const KIND = 'domain.purchase'
/** Provider errors after which the purchase may or may not have happened. */
const UNKNOWN_OUTCOME = new Set<ProviderErrorCode>(['timeout', 'network_error', 'upstream_error', 'bad_response'])
const POLL_MS = 150
/** How long a follower waits for the winner before answering 409. */
const WAIT_MS = 90_000
/** A row pending this long lost its worker (a restart): settle it by lookup. */
const STALE_MS = 10 * 60_000
const KEY_RE = /^[\x21-\x7E]{1,200}$/

type Intent = typeof intents.$inferSelect
interface StoredError { status: number, message: string, code?: string, provider?: string }

export interface PurchaseRequest {
  domain: string
  period: number
  auto_renew: boolean | null
  privacy_protection: boolean | null
  payment_method_id: string | null
}

export function checkIdempotencyKey(key: string | undefined): string {
  if (!key) throw httpError(400, 'An Idempotency-Key header is required to buy a domain (any unique string, e.g. a UUID)', 'idempotency_key_required')
  if (!KEY_RE.test(key)) throw httpError(400, 'The Idempotency-Key header must be 1–200 visible ASCII characters', 'invalid_idempotency_key')
  return key
}

/** Defaults filled in, so `{domain}` and `{domain, period: 1}` are the same request. */
export function normalizeRequest(body: PurchaseBody): PurchaseRequest {
  return {
    domain: body.domain,
    period: body.period ?? 1,
    auto_renew: body.auto_renew ?? null,
    privacy_protection: body.privacy_protection ?? null,
    payment_method_id: body.payment_method_id ?? null,
  }
}

function requestHash(accountId: string, req: PurchaseRequest): string {
  return createHash('sha256').update(JSON.stringify([accountId, req.domain, req.period, req.auto_renew, req.privacy_protection, req.payment_method_id])).digest('hex')
}

export async function purchaseDomain(opts: { user: User, account: ProviderAccount, key: string, body: PurchaseBody }): Promise<{ domain: PublicDomain, replayed: boolean }> {
  const req = normalizeRequest(opts.body)
  const hash = requestHash(opts.account.id, req)
  const db = await useDb()
  const [mine] = await db.insert(intents).values({
    kind: KIND, idempotencyKey: opts.key, userId: opts.user.id, accountId: opts.account.id,
    requestHash: hash, request: { ...req, account: opts.account.slug }, state: 'pending',
  }).onConflictDoNothing({ target: [intents.kind, intents.idempotencyKey] }).returning()
  if (mine) return { domain: await buy(mine, opts.account, req), replayed: false }
  return { domain: await follow(opts.key, hash, opts.account, req), replayed: true }
}

async function buy(intent: Intent, account: ProviderAccount, req: PurchaseRequest): Promise<PublicDomain> {
  const adapter = adapterFor(account)
  try {
    // Already in the portfolio? Then finding it after a timeout would prove nothing: refuse now.
    if (await findInPortfolio(adapter, req.domain)) {
      throw httpError(409, `${req.domain} is already in the portfolio of ${account.displayName}`, 'domain_owned')
    }
  }
  catch (e) {
    await settle(intent.id, 'failed', undefined, e)
    throw e
  }

  try {
    const d = await adapter.purchaseDomain({
      domain: req.domain,
      period: req.period,
      auto_renew: req.auto_renew ?? undefined,
      privacy_protection: req.privacy_protection ?? undefined,
      payment_method_id: req.payment_method_id ?? undefined,
    })
    const result = presentDomain(d)
    await settle(intent.id, 'succeeded', result)
    return result
  }
  catch (e) {
    if (isProviderError(e) && UNKNOWN_OUTCOME.has(e.code)) return settleByLookup(intent.id, adapter, req, toStored(e))
    await settle(intent.id, 'failed', undefined, e)
    throw e
  }
}

/** The domain as the portfolio has it, or null when it is not there. */
async function findInPortfolio(adapter: BaseAdapter, domain: string) {
  try {
    return await adapter.getDomain(domain)
  }
  catch (e) {
    if (isProviderError(e) && e.code === 'not_found') return null
    throw e
  }
}

async function settleByLookup(intentId: string, adapter: BaseAdapter, req: PurchaseRequest, original: StoredError): Promise<PublicDomain> {
  let found
  try {
    found = await findInPortfolio(adapter, req.domain)
  }
  catch {
    await settle(intentId, 'unknown', undefined, original)
    throw storedToError({
      ...original,
      status: 504,
      message: `${original.message}. Whether ${req.domain} was bought is not known yet: repeat the request with the same Idempotency-Key to check again (it will not buy twice).`,
      code: 'purchase_unknown',
    })
  }
  if (found) {
    const result = presentDomain(found)
    await settle(intentId, 'succeeded', result)
    return result
  }
  const failure: StoredError = { ...original, message: `${original.message}. ${req.domain} is not in the portfolio: nothing was bought.` }
  await settle(intentId, 'failed', undefined, failure)
  throw storedToError(failure)
}

/** Waits for the winner of this key, then gives its answer. */
async function follow(key: string, hash: string, account: ProviderAccount, req: PurchaseRequest): Promise<PublicDomain> {
  const db = await useDb()
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const [row] = await db.select().from(intents).where(and(eq(intents.kind, KIND), eq(intents.idempotencyKey, key)))
    if (!row) throw httpError(409, 'This Idempotency-Key was just released; send the request again', 'idempotency_conflict')
    if (row.requestHash !== hash) {
      throw httpError(422, 'This Idempotency-Key was already used for a different purchase; use a new key for a new request', 'idempotency_key_reused')
    }
    if (row.state === 'succeeded') return row.result as unknown as PublicDomain
    if (row.state === 'failed') throw storedToError((row.result?.error as StoredError | undefined) ?? { status: 502, message: row.error ?? 'The purchase failed' })
    const stale = row.state === 'pending' && row.updatedAt.getTime() < Date.now() - STALE_MS
    if (row.state === 'unknown' || stale) {
      const original = (row.result?.error as StoredError | undefined) ?? { status: 504, message: 'The provider never answered the purchase', code: 'timeout' }
      return settleByLookup(row.id, adapterFor(account), req, original)
    }
    if (Date.now() > deadline) throw httpError(409, 'A purchase with this Idempotency-Key is still in progress; try again shortly', 'purchase_in_progress')
    await new Promise(r => setTimeout(r, POLL_MS))
  }
}

async function settle(id: string, state: 'succeeded' | 'failed' | 'unknown', result?: PublicDomain, error?: unknown) {
  const db = await useDb()
  const stored = error === undefined ? undefined : (isStored(error) ? error : toStored(error))
  await db.update(intents).set({
    state,
    result: stored ? { error: stored } : (result as unknown as Record<string, unknown>),
    error: stored?.message ?? null,
    updatedAt: new Date(),
  }).where(and(eq(intents.id, id), inArray(intents.state, ['pending', 'unknown'])))
}

function isStored(e: unknown): e is StoredError {
  return !!e && typeof e === 'object' && !(e instanceof Error) && 'status' in e && 'message' in e
}

function toStored(e: unknown): StoredError {
  if (isProviderError(e)) return { status: e.statusCode, message: e.message, code: e.code, provider: e.provider }
  const err = e as { statusCode?: number, message?: string, data?: { code?: string } }
  if (err?.statusCode && err.statusCode < 500) return { status: err.statusCode, message: err.message ?? 'The purchase was refused', code: err.data?.code }
  // Never store (or replay) an internal message.
  return { status: 502, message: 'The purchase failed' }
}

function storedToError(s: StoredError): Error {
  if (s.provider) return new ProviderError({ provider: s.provider, code: (s.code ?? 'upstream_error') as ProviderErrorCode, statusCode: s.status, message: s.message })
  return httpError(s.status, s.message, s.code)
}
