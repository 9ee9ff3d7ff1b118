/**
 * The engine's background side: the `exactly-once.reconcile` job re-checks one unknown intent
 * with backoff; the `exactly-once.sweep` job (every minute) catches what no job follows: an
 * in_flight intent whose request died mid-call (→ unknown), a pending one that never sent
 * (→ failed: nothing was bought), an unknown one whose re-check was lost.
 */
import { and, inArray } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { intents } from '#server/db/schema'
import { handlerFor } from './handlers'
import { MONEY_KINDS } from './kind'
import { queueReconcile, reconcile, takeOverOrphan } from './reconcile'
import { loadIntent, move, type Intent } from './store'
import { stalePendingMs, staleInFlightMs } from './timing'

/** Placing an order buys nothing upstream: only a claim that never got its order is swept. */
const ALL_KINDS: Intent['kind'][] = [...MONEY_KINDS, 'order.provision']

export async function recheck(intentId: string, attempt: number) {
  const intent = await loadIntent(intentId)
  if (!intent || intent.state !== 'unknown') return
  const handler = handlerFor(intent.kind)
  if (!handler) return
  const after = await reconcile(intentId, handler)
  if (after?.state === 'unknown') await queueReconcile(intentId, attempt + 1)
}

export async function sweep() {
  const db = await useDb()
  const now = Date.now()
  const stale = await db.select().from(intents).where(and(inArray(intents.kind, ALL_KINDS), inArray(intents.state, ['pending', 'in_flight', 'unknown'])))
  for (const i of stale) {
    if (i.kind === 'order.provision' && i.state !== 'pending') continue
    const idle = now - i.updatedAt.getTime()
    if (i.state === 'pending' && idle > stalePendingMs()) {
      await move(i, ['pending'], { state: 'failed', error: 'The request stopped before it was sent: nothing was bought' }, { anyToken: true })
    }
    else if (i.state === 'in_flight' && idle > staleInFlightMs()) {
      const handler = handlerFor(i.kind)
      if (handler) await takeOverOrphan(i.id, handler)
    }
    else if (i.state === 'unknown' && idle > 60_000) await recheck(i.id, 3)
  }
}
