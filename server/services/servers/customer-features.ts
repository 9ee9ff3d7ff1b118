/**
 * Per-plan customer features: a customer may use a day-2 operation on a server they own only when
 * the plan the server was ordered with grants it. Admins always may. A server a customer owns
 * without an order (given to them by an admin) has no plan, so grants nothing.
 */
import { desc, eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { orders, plans, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { DEFAULT_CUSTOMER_FEATURES, type CustomerFeature } from '#shared/servers/features'

export type { CustomerFeature } from '#shared/servers/features'

interface ServerRef { id: string, ownerId: string | null }

/**
 * The features the plan behind `serverId` grants (its latest order's plan). A server an admin
 * assigned without an order has no plan to narrow it: it gets what a new plan grants (every feature
 * but the paid ones), so assigning a server keeps meaning "theirs to run" without spending money.
 */
export async function planFeatures(serverId: string): Promise<string[]> {
  const db = await useDb()
  const [row] = await db.select({ features: plans.customerFeatures }).from(orders)
    .innerJoin(plans, eq(plans.id, orders.planId))
    .where(eq(orders.serverId, serverId))
    .orderBy(desc(orders.createdAt))
    .limit(1)
  return row?.features ?? [...DEFAULT_CUSTOMER_FEATURES]
}

/** What `actor` may use on `server`: every feature for an admin, the plan's for its owner, nothing else. */
export async function serverFeatures(actor: Pick<User, 'id' | 'role'>, server: ServerRef): Promise<string[] | 'all'> {
  if (actor.role === 'admin') return 'all'
  if (server.ownerId !== actor.id) return []
  return planFeatures(server.id)
}

/** 404 for someone else's server (as everywhere), 403 `feature_not_in_plan` when the plan does not grant it. */
export async function assertServerFeature(actor: Pick<User, 'id' | 'role'>, server: ServerRef, feature: CustomerFeature): Promise<void> {
  if (actor.role === 'admin') return
  if (server.ownerId !== actor.id) throw httpError(404, 'No such server', 'server_not_found')
  if (!(await planFeatures(server.id)).includes(feature)) {
    throw httpError(403, `Your plan does not include ${feature.replace(/_/g, ' ')} for this server`, 'feature_not_in_plan', { feature })
  }
}
