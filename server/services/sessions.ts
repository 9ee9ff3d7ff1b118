/**
 * Server-side browser sessions. The sealed cookie holds only `sid`; this table says whether it
 * still counts. Revocation (logout, password change, disable, role change, "sign out
 * everywhere") sets `revoked_at`, and every request checks the row.
 *
 * Lookups (one indexed join of the session and its user) are kept in-process for
 * SESSION_CACHE_MS, 1 s: a revocation, a disabled account or a role change made through another
 * app instance takes effect there within that second; one made through this instance clears its
 * entries at once (tests/server/multi-instance.test.ts holds both).
 */
import { and, desc, eq, isNull, ne, or } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { useDb } from '../db/client'
import { sessions, users, type User } from '../db/schema'
import { httpError } from '../lib/http-errors'
import { env } from '../lib/config'
import { ExpiringLru } from '../lib/expiring-lru'
import type { BrowserSession } from '#shared/schemas/sessions'

const SESSION_CACHE_MS = 1_000
/** Idle sessions end after the cookie's own lifetime (7 days), even if someone kept the cookie. */
const SESSION_IDLE_MS = 7 * 86_400_000
const TOUCH_EVERY_MS = 60_000
/** Secrets (root passwords, provider credentials) need the password typed this recently. */
export const reauthWindowMs = () => env().REAUTH_MAX_AGE_SECONDS * 1000

type Session = typeof sessions.$inferSelect
/** The admin behind a "sign in as" session. */
export interface Impersonator { id: string, name: string, email: string }
interface Live { session: Session, user: User, impersonator: Impersonator | null }
const impersonators = alias(users, 'impersonator')
/** One entry per signed-in browser seen in the last second: 10,000 is far more than that. */
const cache = new ExpiringLru<string, Live>(10_000)

export async function createSession(userId: string, meta: { ip?: string | null, userAgent?: string | null, impersonatorId?: string, returnSessionId?: string }): Promise<Session> {
  const db = await useDb()
  const [row] = await db.insert(sessions).values({
    userId, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 400) ?? null,
    impersonatorId: meta.impersonatorId ?? null, returnSessionId: meta.returnSessionId ?? null,
  }).returning()
  return row!
}

/** The live session and its user, or null (unknown, revoked, idle too long, user disabled). */
export async function resolveSession(sid: string): Promise<Live | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sid)) return null
  const now = Date.now()
  const hit = cache.get(sid, now)
  if (hit) return hit
  const db = await useDb()
  const [found] = await db.select({ session: sessions, user: users, imp: { id: impersonators.id, name: impersonators.name, email: impersonators.email, role: impersonators.role, disabled: impersonators.disabled } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(impersonators, eq(impersonators.id, sessions.impersonatorId))
    .where(and(eq(sessions.id, sid), isNull(sessions.revokedAt)))
  // A "sign in as" session lives only while its admin is still an enabled admin.
  const lostImpersonator = !!found?.session.impersonatorId && (!found.imp?.id || found.imp.disabled || found.imp.role !== 'admin')
  if (!found || found.user.disabled || lostImpersonator || now - found.session.lastSeenAt.getTime() > SESSION_IDLE_MS) {
    cache.delete(sid)
    return null
  }
  const row: Live = { session: found.session, user: found.user, impersonator: found.imp?.id ? { id: found.imp.id, name: found.imp.name!, email: found.imp.email! } : null }
  if (now - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    row.session.lastSeenAt = new Date(now)
    await db.update(sessions).set({ lastSeenAt: row.session.lastSeenAt }).where(eq(sessions.id, sid))
  }
  cache.set(sid, row, now + SESSION_CACHE_MS)
  return row
}

/** Drop cached lookups of a user's sessions: call after changing the user row (2FA, name, role…). */
export function forgetUser(userId: string) {
  cache.deleteWhere(c => c.user.id === userId || c.impersonator?.id === userId)
}

export async function revokeSession(sid: string) {
  const db = await useDb()
  cache.delete(sid)
  await db.update(sessions).set({ revokedAt: new Date() }).where(and(eq(sessions.id, sid), isNull(sessions.revokedAt)))
}

/** The user's own session by id (the sessions page); 404 for anyone else's. */
export async function revokeOwnSession(userId: string, sid: string) {
  const db = await useDb()
  const [row] = await db.update(sessions).set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sid), eq(sessions.userId, userId), isNull(sessions.revokedAt))).returning()
  cache.delete(sid)
  if (!row) throw httpError(404, 'Session not found')
}

/** Every session of the user, except `keep` when given (a password change keeps the one that made it). */
export async function revokeUserSessions(userId: string, keep?: string): Promise<number> {
  const db = await useDb()
  // The user's own sessions and any "sign in as" sessions they started as an admin.
  const conds = [or(eq(sessions.userId, userId), eq(sessions.impersonatorId, userId))!, isNull(sessions.revokedAt)]
  if (keep) conds.push(ne(sessions.id, keep))
  const rows = await db.update(sessions).set({ revokedAt: new Date() }).where(and(...conds)).returning({ id: sessions.id })
  forgetUser(userId)
  return rows.length
}

export async function markReauthenticated(sid: string) {
  const db = await useDb()
  await db.update(sessions).set({ reauthAt: new Date() }).where(eq(sessions.id, sid))
  cache.delete(sid)
}

export function reauthIsRecent(session: Session): boolean {
  return Date.now() - session.reauthAt.getTime() <= reauthWindowMs()
}

/** The user's live sessions as the API answers them (snake_case, as the seed's API). */
export async function listSessions(userId: string, currentSid?: string): Promise<BrowserSession[]> {
  const db = await useDb()
  const rows = await db.select().from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .orderBy(desc(sessions.lastSeenAt)).limit(100)
  return rows
    .filter(s => Date.now() - s.lastSeenAt.getTime() <= SESSION_IDLE_MS)
    .map(s => ({ id: s.id, created_at: s.createdAt.toISOString(), last_seen_at: s.lastSeenAt.toISOString(), ip: s.ip, user_agent: s.userAgent, current: s.id === currentSid }))
}

/** Test hook (NUXT_TEST_ROUTES): make a session's last re-authentication look old. */
export async function ageReauth(sid: string, seconds: number) {
  const db = await useDb()
  await db.update(sessions).set({ reauthAt: new Date(Date.now() - seconds * 1000) }).where(eq(sessions.id, sid))
  cache.delete(sid)
}
