import { and, count, desc, eq, isNull, sql } from 'drizzle-orm'
import { useDb } from '../db/client'
import { notifications, users } from '../db/schema'
import type { NotificationList, NotificationView } from '#shared/schemas/notifications'

export interface NotifyInput {
  level?: 'info' | 'success' | 'warning' | 'error'
  title: string
  body?: string
  link?: string
  /** Repeats with the same key refresh one notice instead of adding another. */
  dedupeKey?: string
}

export async function notifyUser(userId: string, n: NotifyInput) {
  const db = await useDb()
  const values = { userId, level: n.level ?? 'info', title: n.title, body: n.body, link: n.link, dedupeKey: n.dedupeKey ?? null }
  if (!n.dedupeKey) {
    await db.insert(notifications).values(values)
    return
  }
  await db.insert(notifications).values(values).onConflictDoUpdate({
    target: [notifications.userId, notifications.dedupeKey],
    set: { level: values.level, title: values.title, body: values.body, link: values.link, readAt: null, createdAt: new Date() },
  })
}

/** Every active admin: provider trouble concerns whoever runs the panel. */
export async function notifyAdmins(n: NotifyInput) {
  const db = await useDb()
  const admins = await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
  for (const a of admins) await notifyUser(a.id, n)
}

/** A notice as the API answers one: no owner or dedupe key, snake_case as the seed's API. */
function presentNotification(n: typeof notifications.$inferSelect): NotificationView {
  return { id: n.id, level: n.level, title: n.title, body: n.body, link: n.link, read_at: n.readAt?.toISOString() ?? null, created_at: n.createdAt.toISOString() }
}

export async function listNotifications(userId: string, limit = 50): Promise<NotificationList> {
  const db = await useDb()
  const items = await db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit)
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
  return { items: items.map(presentNotification), unread: Number(row?.n ?? 0) }
}

export async function markRead(userId: string, id?: string) {
  const db = await useDb()
  const where = id
    ? and(eq(notifications.userId, userId), eq(notifications.id, id))
    : and(eq(notifications.userId, userId), isNull(notifications.readAt))
  const rows = await db.update(notifications).set({ readAt: sql`coalesce(${notifications.readAt}, now())` }).where(where).returning({ id: notifications.id })
  return rows.length
}
