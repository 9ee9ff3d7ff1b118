/** Reading the audit log (admins only, enforced by the route): filters and pages, newest first. */
import { and, count, desc, eq, gte, ilike, lt, lte, or, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { useDb } from '../db/client'
import { auditLog, users } from '../db/schema'
import type { AuditEntryView, AuditPage } from '#shared/audit/types'

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/
const when = (what: string) => z.string().trim().max(40).refine(s => !Number.isNaN(Date.parse(s)), `${what} must be a date such as 2026-11-30 or 2026-11-30T08:00:00Z`)

export const auditQuerySchema = z.object({
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(100).optional(),
  target: z.string().trim().max(254).optional(),
  result: z.enum(['success', 'failure']).optional(),
  from: when('from').optional(),
  to: when('to').optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(200).default(50),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>

/** `%` and `_` typed into a filter are meant literally. */
const literal = (s: string) => s.replace(/[\\%_]/g, m => `\\${m}`)
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function listAudit(q: AuditQuery): Promise<AuditPage> {
  const db = await useDb()
  const where: SQL[] = []
  if (q.actor) {
    where.push(UUID.test(q.actor)
      ? eq(auditLog.userId, q.actor)
      : or(ilike(users.email, `%${literal(q.actor)}%`), ilike(users.name, `%${literal(q.actor)}%`))!)
  }
  // An action filter is a prefix: "auth" finds auth.login and auth.logout.
  if (q.action) where.push(ilike(auditLog.action, `${literal(q.action)}%`))
  if (q.target) where.push(ilike(auditLog.target, `%${literal(q.target)}%`))
  if (q.result) where.push(eq(auditLog.result, q.result))
  if (q.from) where.push(gte(auditLog.createdAt, new Date(q.from)))
  if (q.to) {
    const end = new Date(q.to)
    // A day alone means up to the end of that day (UTC).
    if (DAY_ONLY.test(q.to)) {
      end.setUTCDate(end.getUTCDate() + 1)
      where.push(lt(auditLog.createdAt, end))
    }
    else where.push(lte(auditLog.createdAt, end))
  }
  const filter = where.length ? and(...where) : undefined

  const [{ n }] = await db.select({ n: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.userId)).where(filter)
  const rows = await db.select({ log: auditLog, user: { id: users.id, email: users.email, name: users.name } })
    .from(auditLog).leftJoin(users, eq(users.id, auditLog.userId)).where(filter)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(q.page_size).offset((q.page - 1) * q.page_size)

  const items: AuditEntryView[] = rows.map(({ log, user }) => ({
    id: log.id,
    at: log.createdAt.toISOString(),
    actor: user?.id ? { id: user.id, email: user.email, name: user.name } : null,
    action: log.action,
    target: log.target ?? null,
    ip: log.ip ?? null,
    user_agent: log.userAgent ?? null,
    result: log.result,
    details: log.details ?? null,
  }))
  return { items, page: q.page, page_size: q.page_size, total: Number(n) }
}
