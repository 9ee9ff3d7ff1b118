/**
 * The admin's side of the engine: intents whose lost answer could not be tied to one upstream
 * object (`needs_review`). An admin attaches the right object (it becomes `reconciled` and is
 * recorded like any settled create), or states that nothing was created (`failed`: the same key
 * may then try again).
 */
import { and, desc, eq, inArray } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { intents, providerAccounts, users, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { audit } from '../audit'
import { handlerFor } from './handlers'
import { MONEY_KINDS } from './kind'
import { accountLock, settle } from './reconcile'
import { withLock } from './lock'
import { evidenceOf, type Intent, loadIntent, move } from './store'

export function intentView(i: Intent, extra: { account?: string | null, user?: string | null } = {}) {
  const ev = evidenceOf(i)
  return {
    id: i.id,
    kind: i.kind,
    state: i.state,
    summary: handlerFor(i.kind)?.describe(i) ?? i.kind,
    account: extra.account ?? null,
    requested_by: extra.user ?? null,
    upstream_id: i.upstreamId,
    // Only where the provider carries it (VirtFusion's name): elsewhere it was never sent.
    marker: ev.unique_marker ? ev.marker ?? null : null,
    candidates: ev.candidates ?? [],
    reason: ev.reason ?? null,
    how: ev.how ?? null,
    error: i.error,
    created_at: i.createdAt.toISOString(),
    updated_at: i.updatedAt.toISOString(),
  }
}

export async function listIntents(opts: { states?: Intent['state'][], ids?: string[] }) {
  const db = await useDb()
  const conds = [inArray(intents.kind, MONEY_KINDS)]
  if (opts.states?.length) conds.push(inArray(intents.state, opts.states))
  if (opts.ids?.length) conds.push(inArray(intents.id, opts.ids))
  const rows = await db.select({ intent: intents, account: providerAccounts.slug, user: users.email }).from(intents)
    .leftJoin(providerAccounts, eq(providerAccounts.id, intents.accountId))
    .leftJoin(users, eq(users.id, intents.userId))
    .where(and(...conds)).orderBy(desc(intents.createdAt)).limit(500)
  return rows.map(r => intentView(r.intent, { account: r.account, user: r.user }))
}

async function reviewable(id: string) {
  const intent = await loadIntent(id)
  if (!intent || !handlerFor(intent.kind)) throw httpError(404, 'No such intent', 'intent_not_found')
  if (intent.state !== 'needs_review') throw httpError(409, `Only an intent that needs review can be decided; this one is ${intent.state}`, 'intent_not_in_review')
  return intent
}

export async function getIntent(id: string) {
  const [view] = await listIntents({ ids: [id] })
  if (!view) throw httpError(404, 'No such intent', 'intent_not_found')
  return view
}

/** Ties the intent to `upstreamId`, which must exist upstream and belong to no other intent. */
export async function attachUpstream(id: string, upstreamId: string, admin: User) {
  const intent = await reviewable(id)
  const handler = handlerFor(intent.kind)!
  await withLock(accountLock(intent.accountId!), async () => {
    const present = await handler.list(intent)
    if (!present.some(o => o.id === upstreamId)) throw httpError(404, `There is no upstream object ${upstreamId} on this account`, 'upstream_not_found')
    const db = await useDb()
    const [owner] = await db.select({ id: intents.id }).from(intents).where(and(eq(intents.accountId, intent.accountId!), eq(intents.upstreamId, upstreamId)))
    if (owner) throw httpError(409, `Upstream object ${upstreamId} already belongs to intent ${owner.id}`, 'upstream_owned')
    const after = await settle(intent, handler, upstreamId, 'reconciled', 'admin')
    if (after?.state !== 'reconciled') throw httpError(409, 'The intent changed meanwhile; reload and decide again', 'intent_not_in_review')
  })
  await audit({ userId: admin.id, action: 'intent.attached', target: id, details: { upstream_id: upstreamId, kind: intent.kind } })
  return getIntent(id)
}

/** States that the lost request made nothing: the intent fails, and its key may try again. */
export async function markNothingCreated(id: string, admin: User) {
  const intent = await reviewable(id)
  const moved = await move(intent, ['needs_review'], {
    state: 'failed',
    error: 'An administrator checked the provider: nothing was created',
    result: { error: { status: 409, message: 'An administrator checked the provider: nothing was created; send the request again', code: 'nothing_created' } },
    evidence: { how: 'admin' },
  }, { anyToken: true })
  if (!moved) throw httpError(409, 'The intent changed meanwhile; reload and decide again', 'intent_not_in_review')
  await audit({ userId: admin.id, action: 'intent.nothing_created', target: id, details: { kind: intent.kind } })
  return getIntent(id)
}
