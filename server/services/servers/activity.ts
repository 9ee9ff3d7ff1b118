/**
 * A server's activity: the platform's own action log (where the provider keeps one) merged with
 * our audit log for the server (power, reinstall, snapshots, suspension, ownership, firewall,
 * reverse DNS, addresses…), newest first, one page at a time.
 *
 * What a customer sees of it: their own entries as "you", an administrator's as "support", a
 * former owner's as "another user" (never an email), the platform's as "the platform"; details
 * only from a list of plain fields (never the provider account, upstream ids or who impersonated),
 * and nothing from before an administrator gave them the server (a former owner's history is theirs).
 */
import { desc, eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { auditLog, users, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { isProviderError } from '#server/providers/errors'
import type { ActivityEntryView, ActivityPageView } from '#shared/schemas/server-ops'
import type { Target } from './target'

/** Our entries read per server (newest first): enough for any page a person reads. */
const AUDIT_LIMIT = 1000
/** Detail fields a customer may see. */
const CUSTOMER_DETAILS = ['interface', 'addresses', 'ip', 'domain', 'plan', 'snapshot', 'backup', 'hostname', 'nameservers', 'type', 'enabled', 'rulesets', 'template', 'delay', 'action']

/** The platform's time in our one format (ISO, UTC, milliseconds), so the timeline sorts as text. */
function isoOf(v: string | null): string | null {
  const ms = v ? Date.parse(v) : Number.NaN
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null
}

function customerDetails(action: string, d: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!d) return null
  // `plan` is the provider's own plan id on create and resize (it may carry the provider's name);
  // only a backup plan's number is plain.
  const keep = (k: string) => CUSTOMER_DETAILS.includes(k) && (k !== 'plan' || action === 'server.backup_plan')
  const out = Object.fromEntries(Object.entries(d).filter(([k, v]) => keep(k) && v !== undefined))
  return Object.keys(out).length ? out : null
}

export async function serverActivity(t: Target, user: User, q: { page: number, per_page: number }): Promise<ActivityPageView> {
  const s = t.row.server
  const admin = user.role === 'admin'
  if (!admin && s.ownerId !== user.id) throw httpError(404, 'No such server', 'server_not_found')

  const db = await useDb()
  const rows = await db.select({ log: auditLog, email: users.email, role: users.role }).from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(eq(auditLog.target, s.id))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_LIMIT)
  // Since when this customer holds the server: the newest hand-over to them (none: theirs from the start).
  const since = admin ? '' : (rows.find(({ log }) => log.action === 'server.updated' && (log.details as { owner_id?: string } | null)?.owner_id === user.id)?.log.createdAt.toISOString() ?? '')
  const ours: ActivityEntryView[] = rows.filter(({ log }) => log.createdAt.toISOString() >= since).map(({ log, email, role }) => {
    const kind = !log.userId ? 'system' : log.userId === user.id ? 'you' : role === 'admin' ? 'support' : 'user'
    return {
      id: `panel-${log.id}`,
      at: log.createdAt.toISOString(),
      source: 'panel',
      action: log.action,
      state: log.result === 'failure' ? 'failed' : 'done',
      actor: { kind, email: admin ? (email ?? null) : null },
      details: admin ? (log.details ?? null) : customerDetails(log.action, log.details ?? null),
    }
  })

  let theirs: ActivityEntryView[] = []
  let platformError: string | null = null
  if (t.adapter.meta.capabilities.activity?.supported && !s.goneAt) {
    try {
      theirs = (await t.adapter.listActions(s.upstreamId)).map(a => ({
        id: `platform-${a.id}`,
        at: isoOf(a.createdAt),
        source: 'provider',
        action: a.name,
        state: a.state,
        actor: { kind: 'platform', email: null },
        details: null,
      }))
    }
    catch (e) {
      if (!isProviderError(e)) throw e
      // Ours still shows; an admin learns why the platform's part is missing, a customer only that it is.
      platformError = admin ? e.message : 'The platform\'s own log could not be read just now'
    }
  }

  // Platforms stamp whole seconds: theirs are compared by the second.
  const all = [...ours, ...theirs.filter(e => !since || (e.at ?? '').slice(0, 19) >= since.slice(0, 19))].sort((a, b) => (b.at ?? '').localeCompare(a.at ?? '') || b.id.localeCompare(a.id))
  const start = (q.page - 1) * q.per_page
  return { items: all.slice(start, start + q.per_page), total: all.length, page: q.page, per_page: q.per_page, platform_error: platformError }
}
