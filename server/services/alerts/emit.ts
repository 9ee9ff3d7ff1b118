/**
 * One way to raise an alert: `emitAlert({ kind, params, to, … })`.
 *
 *   in-app   a notice per recipient whose choices allow it (stored with the kind, its params and
 *            the English words as fallback);
 *   e-mail   a queued job per recipient who wants this kind by mail (services/alerts/email.ts);
 *   webhooks a queued delivery per enabled endpoint that takes this kind (./webhooks.ts).
 *
 * Nothing here waits for a mail server or a webhook receiver: the request that caused the alert
 * only writes rows and queues jobs. A dedupe key keeps repeats quiet: 'refresh' (the default)
 * marks the notice unread again but mails and posts at most once a day; 'once' never repeats.
 */
import { and, eq, sql } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { alertSends, notifications, users } from '#server/db/schema'
import { enqueue } from '#server/lib/jobs'
import { ALERT_KINDS, type AlertKind, type AlertParams } from '#shared/alerts/kinds'
import { channelsFor } from './preferences'
import { renderAlert } from './render'
import { queueWebhookDeliveries } from './webhooks'

export const EMAIL_JOB = 'alerts.email'
/** `invoiceId`: the invoice whose PDF the mail carries, rendered when it is sent (in the reader's language). */
export interface EmailJobData { userId: string, kind: AlertKind, params: AlertParams, link: string | null, invoiceId?: string }

export interface AlertInput {
  kind: AlertKind
  params?: AlertParams
  link?: string
  to: { users?: (string | null | undefined)[], admins?: boolean }
  dedupeKey?: string
  repeat?: 'refresh' | 'once'
  /** Whether webhooks get it (default true): false for a second audience's copy of one event. */
  webhook?: boolean
  /** The invoice the alert is about: its e-mail carries the invoice as a PDF. */
  invoiceId?: string
}

export interface AlertOutcome {
  /** New notices (a refreshed one counts too in 'refresh' mode). */
  inApp: number
  /** Whether e-mail and webhooks were sent this time (false for a quiet repeat). */
  external: boolean
}

const RESEND_AFTER = sql`interval '1 day'`

export async function emitAlert(a: AlertInput): Promise<AlertOutcome> {
  const db = await useDb()
  const params = a.params ?? {}
  const ids = new Set(a.to.users?.filter((x): x is string => !!x) ?? [])
  if (a.to.admins) {
    const admins = await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
    for (const r of admins) ids.add(r.id)
  }
  const recipients = [...ids]
  const channels = await channelsFor(recipients, a.kind)
  const { title, body } = renderAlert('en', a.kind, params)
  const level = ALERT_KINDS[a.kind].level
  const link = a.link ?? null
  const repeat = a.repeat ?? 'refresh'

  let inApp = 0
  const inAppUsers = recipients.filter(u => channels.get(u)?.inApp)
  if (inAppUsers.length) {
    const values = inAppUsers.map(userId => ({ userId, level, title, body, link, kind: a.kind, params, dedupeKey: a.dedupeKey ?? null }))
    const insert = db.insert(notifications).values(values)
    const rows = !a.dedupeKey
      ? await insert.returning({ id: notifications.id })
      : repeat === 'once'
        ? await insert.onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] }).returning({ id: notifications.id })
        : await insert.onConflictDoUpdate({
            target: [notifications.userId, notifications.dedupeKey],
            set: { level, title, body, link, kind: a.kind, params, readAt: null, createdAt: new Date() },
          }).returning({ id: notifications.id })
    inApp = rows.length
  }

  const external = await claimSend(a.dedupeKey, repeat)
  if (external) {
    const mailTo = recipients.filter(u => channels.get(u)?.email)
    for (const userId of mailTo) {
      await enqueue<EmailJobData>(EMAIL_JOB, { userId, kind: a.kind, params, link, ...(a.invoiceId ? { invoiceId: a.invoiceId } : {}) }).catch(e => console.error(`[alerts] queueing an e-mail (${a.kind}) failed:`, (e as Error).message))
    }
    if (a.webhook !== false) {
      await queueWebhookDeliveries({ kind: a.kind, level, title, body, link, params })
        .catch(e => console.error(`[alerts] queueing webhooks (${a.kind}) failed:`, (e as Error).message))
    }
  }
  return { inApp, external }
}

/** Whether this alert goes out by e-mail and webhook now: always without a key; else once, or once a day. */
async function claimSend(dedupeKey: string | undefined, repeat: 'refresh' | 'once'): Promise<boolean> {
  if (!dedupeKey) return true
  const db = await useDb()
  const insert = db.insert(alertSends).values({ dedupeKey })
  const rows = repeat === 'once'
    ? await insert.onConflictDoNothing().returning({ key: alertSends.dedupeKey })
    : await insert.onConflictDoUpdate({ target: alertSends.dedupeKey, set: { sentAt: sql`now()` }, setWhere: sql`${alertSends.sentAt} < now() - ${RESEND_AFTER}` })
        .returning({ key: alertSends.dedupeKey })
  return rows.length > 0
}

type Shortcut = Omit<AlertInput, 'to'>

export function notifyUser(userId: string, a: Shortcut): Promise<AlertOutcome> {
  return emitAlert({ ...a, to: { users: [userId] } })
}

/** Every active admin: provider trouble concerns whoever runs the panel. */
export function notifyAdmins(a: Shortcut): Promise<AlertOutcome> {
  return emitAlert({ ...a, to: { admins: true } })
}
