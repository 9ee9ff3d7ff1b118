/** Which alert kinds reach a user on which channel: the kind's defaults, then the user's own choices. */
import { and, eq, inArray } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { notificationPreferences } from '#server/db/schema'
import { ALERT_KINDS, kindsFor, type AlertKind } from '#shared/alerts/kinds'
import type { AlertPreferences } from '#shared/schemas/alerts'

export interface Channels { inApp: boolean, email: boolean }

export function defaultChannels(kind: AlertKind): Channels {
  return { inApp: true, email: ALERT_KINDS[kind].email }
}

/** The channels of one kind for several users at once (one query). */
export async function channelsFor(userIds: string[], kind: AlertKind): Promise<Map<string, Channels>> {
  const out = new Map(userIds.map(id => [id, defaultChannels(kind)]))
  if (!userIds.length) return out
  const db = await useDb()
  const rows = await db.select().from(notificationPreferences)
    .where(and(eq(notificationPreferences.kind, kind), inArray(notificationPreferences.userId, userIds)))
  for (const r of rows) out.set(r.userId, { inApp: r.inApp, email: r.email })
  return out
}

export async function getPreferences(user: { id: string, role: 'admin' | 'customer' }): Promise<AlertPreferences> {
  const db = await useDb()
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id))
  const saved = new Map(rows.map(r => [r.kind, r]))
  return {
    items: kindsFor(user.role).map((kind) => {
      const d = defaultChannels(kind)
      const s = saved.get(kind)
      return { kind, in_app: s?.inApp ?? d.inApp, email: s?.email ?? d.email, default_in_app: d.inApp, default_email: d.email }
    }),
  }
}

/** Saves the given kinds; a choice equal to the default is stored as no row, so later default changes apply. */
export async function setPreferences(user: { id: string, role: 'admin' | 'customer' }, items: { kind: AlertKind, in_app: boolean, email: boolean }[]): Promise<AlertPreferences> {
  const allowed = new Set(kindsFor(user.role))
  const db = await useDb()
  await db.transaction(async (tx) => {
    for (const i of items) {
      if (!allowed.has(i.kind)) continue
      const d = defaultChannels(i.kind)
      if (d.inApp === i.in_app && d.email === i.email) {
        await tx.delete(notificationPreferences).where(and(eq(notificationPreferences.userId, user.id), eq(notificationPreferences.kind, i.kind)))
        continue
      }
      await tx.insert(notificationPreferences).values({ userId: user.id, kind: i.kind, inApp: i.in_app, email: i.email })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { inApp: i.in_app, email: i.email } })
    }
  })
  return getPreferences(user)
}
