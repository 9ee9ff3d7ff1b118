import { and, count, desc, eq, isNull, sql } from 'drizzle-orm'
import { useDb } from '../db/client'
import { notifications } from '../db/schema'
import type { NotificationList, NotificationView } from '#shared/schemas/notifications'
import { isAlertKind } from '#shared/alerts/kinds'

export { emitAlert, notifyAdmins, notifyUser } from './alerts/emit'

/** A notice as the API answers one: no owner or dedupe key; the kind and its facts let the browser say it in the reader's language. */
function presentNotification(n: typeof notifications.$inferSelect, opts: { admin: boolean }): NotificationView {
  return {
    id: n.id, level: n.level, title: n.title, body: n.body, link: n.link,
    kind: isAlertKind(n.kind) ? n.kind : null, params: opts.admin ? n.params ?? {} : customerParams(n.params ?? {}),
    read_at: n.readAt?.toISOString() ?? null, created_at: n.createdAt.toISOString(),
  }
}

/** Facts a customer's notice never carries (white label): which account or upstream object it was about. */
const UPSTREAM_PARAMS = new Set(['account', 'upstream_id', 'provider'])
function customerParams(params: Record<string, string | number>) {
  return Object.fromEntries(Object.entries(params).filter(([k]) => !UPSTREAM_PARAMS.has(k)))
}

export async function listNotifications(userId: string, limit = 50, opts: { admin: boolean } = { admin: true }): Promise<NotificationList> {
  const db = await useDb()
  const items = await db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit)
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
  return { items: items.map(n => presentNotification(n, opts)), unread: Number(row?.n ?? 0) }
}

export async function markRead(userId: string, id?: string) {
  const db = await useDb()
  const where = id
    ? and(eq(notifications.userId, userId), eq(notifications.id, id))
    : and(eq(notifications.userId, userId), isNull(notifications.readAt))
  const rows = await db.update(notifications).set({ readAt: sql`coalesce(${notifications.readAt}, now())` }).where(where).returning({ id: notifications.id })
  return rows.length
}
