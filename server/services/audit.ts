/**
 * The audit log: who did what to what, from where, and whether it worked. Callers name the
 * action; the IP address and user agent are taken from the request the call runs in (Nitro's
 * async context), or from `event` when one is passed, so no caller has to remember them.
 * Background jobs have no request: their entries carry neither.
 */
import type { H3Event } from 'h3'
import { getRequestHeader, getRequestIP } from 'h3'
import { useEvent } from 'nitropack/runtime/internal/context'
import { useDb } from '../db/client'
import { env } from '../lib/config'
import { auditLog } from '../db/schema'

export interface AuditEntry {
  userId?: string | null
  action: string
  target?: string
  details?: Record<string, unknown>
  /** Overrides the request's address (kept for callers written before it was automatic). */
  ip?: string | null
  userAgent?: string | null
  /** 'failure' for a refused attempt (a wrong password); 'success' when left out. */
  result?: 'success' | 'failure'
  event?: H3Event
}

function currentEvent(): H3Event | undefined {
  try { return useEvent() }
  catch { return undefined } // a job or start-up task: no request
}

export function requestOrigin(event: H3Event | undefined): { ip: string | null, userAgent: string | null } {
  if (!event) return { ip: null, userAgent: null }
  // The socket's address; X-Forwarded-For only when the operator says the proxy is trusted.
  const ip = getRequestIP(event, { xForwardedFor: env().TRUST_PROXY }) ?? null
  const ua = getRequestHeader(event, 'user-agent')
  return { ip, userAgent: ua ? ua.slice(0, 500) : null }
}

export async function audit(entry: AuditEntry) {
  const event = entry.event ?? currentEvent()
  const from = requestOrigin(event)
  // Whatever an admin does while signed in as a customer is logged as the customer's, naming the admin.
  const impersonator = event?.context.browserSession?.impersonatorId
  const db = await useDb()
  await db.insert(auditLog).values({
    userId: entry.userId ?? null,
    action: entry.action,
    target: entry.target,
    details: impersonator ? { ...entry.details, impersonator_id: impersonator } : entry.details,
    ip: entry.ip ?? from.ip,
    userAgent: entry.userAgent ?? from.userAgent,
    result: entry.result ?? 'success',
  })
}

/**
 * Which of `keys` differ between a thing before and after an update, so an update that changes
 * nothing is not recorded as a change (and a recorded one names only what changed).
 */
export function changedKeys<T extends Record<string, unknown>>(before: T, after: T, keys: (keyof T & string)[]): string[] {
  return keys.filter(k => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
}
