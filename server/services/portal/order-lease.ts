/**
 * One runner per order at a time. A runner claims the order's lease (a random token and an
 * expiry) with one conditional UPDATE, renews it while it works, and every write it makes is
 * conditioned on still holding it. A runner that died (app killed mid-step) simply stops
 * renewing: once the lease expires, the recovery sweep hands the order to a new runner, which
 * resumes from `progress`.
 */
import { randomUUID } from 'node:crypto'
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { orders } from '#server/db/schema'
import { env } from '#server/lib/config'

export type OrderRow = typeof orders.$inferSelect

export function leaseMs() {
  return env().ORDERS_LEASE_SECONDS * 1000
}

export class LeaseLost extends Error {
  constructor(orderId: string) { super(`Lost the lease on order ${orderId}`) }
}

export interface Lease { token: string, orderId: string }

const leaseFree = () => or(isNull(orders.leaseUntil), lt(orders.leaseUntil, sql`now()`))

/**
 * Claims an order that still has work to do; null when it is done or someone else holds it.
 * A failed order may be taken over (`takeFailed`): its runner has stopped working on it and at
 * most still logs and releases, and the new token makes any write of the old runner fail.
 */
export async function claimOrder(orderId: string, statuses: OrderRow['status'][] = ['pending', 'running'], opts: { takeFailed?: boolean } = {}): Promise<{ lease: Lease, order: OrderRow } | null> {
  const db = await useDb()
  const token = randomUUID()
  const free = opts.takeFailed ? or(leaseFree(), eq(orders.status, 'failed')) : leaseFree()
  const [order] = await db.update(orders)
    .set({ leaseOwner: token, leaseUntil: sql`now() + ${`${leaseMs()} milliseconds`}::interval` })
    .where(and(eq(orders.id, orderId), inArray(orders.status, statuses), free))
    .returning()
  return order ? { lease: { token, orderId }, order } : null
}

/** Writes `set` on the order only while `lease` holds; throws LeaseLost otherwise. */
export async function saveOrder(lease: Lease, set: Partial<typeof orders.$inferInsert>): Promise<OrderRow> {
  const db = await useDb()
  const [row] = await db.update(orders)
    .set({ ...set, updatedAt: new Date(), leaseUntil: sql`now() + ${`${leaseMs()} milliseconds`}::interval` })
    .where(and(eq(orders.id, lease.orderId), eq(orders.leaseOwner, lease.token)))
    .returning()
  if (!row) throw new LeaseLost(lease.orderId)
  return row
}

export async function releaseOrder(lease: Lease) {
  const db = await useDb()
  await db.update(orders).set({ leaseOwner: null, leaseUntil: null })
    .where(and(eq(orders.id, lease.orderId), eq(orders.leaseOwner, lease.token)))
}

/** Orders with work left and nobody holding them (a runner died, or a job was lost). */
export async function orphanedOrders(olderThanMs: number) {
  const db = await useDb()
  return db.select({ id: orders.id }).from(orders).where(and(
    inArray(orders.status, ['pending', 'running']),
    leaseFree(),
    lt(orders.updatedAt, new Date(Date.now() - olderThanMs)),
  ))
}
