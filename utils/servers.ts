/**
 * What the server pages may offer, decided from a ServerView and its provider's facts (status,
 * capabilities, gone, lock), so the list, the detail page and the tests agree. The rules are the
 * API's own (shared/servers/rules.ts): this only avoids offering a button that would be refused.
 */

import * as rules from '~~/shared/servers/rules'
import type { ServerAction } from '~~/shared/servers/rules'

export type { ActionAvailability, Cap, ServerAction, ServerLike } from '~~/shared/servers/rules'
// Named here (not re-exported) so Nuxt auto-imports them into the pages and components.
export const actionAvailability = rules.actionAvailability
export const operationAvailability = rules.operationAvailability
export const rootPasswordSupport = rules.rootPasswordSupport
export const passwordProblem = rules.passwordProblem
export const createFields = rules.createFields
export const reinstallFields = rules.reinstallFields
export const isTransitional = rules.isTransitional

export const SERVER_STATUSES = ['running', 'stopped', 'pending', 'rebooting', 'suspended', 'error', 'unknown'] as const
export type ServerStatus = (typeof SERVER_STATUSES)[number]

export const STATUS_LOOK: Record<string, { color: string, icon: string, label: string }> = {
  running: { color: 'success', icon: 'mdi-play-circle', label: 'Running' },
  stopped: { color: 'grey', icon: 'mdi-stop-circle', label: 'Stopped' },
  pending: { color: 'info', icon: 'mdi-progress-clock', label: 'Pending' },
  rebooting: { color: 'info', icon: 'mdi-restart', label: 'Rebooting' },
  suspended: { color: 'warning', icon: 'mdi-pause-circle', label: 'Suspended' },
  error: { color: 'error', icon: 'mdi-alert-circle', label: 'Error' },
  unknown: { color: 'grey', icon: 'mdi-help-circle', label: 'Unknown' },
}

export function formatMemory(mb?: number | null) {
  if (mb === null || mb === undefined) return '—'
  return mb >= 1024 ? `${+(mb / 1024).toFixed(1)} GB` : `${mb} MB`
}

/** "just now", "2 min ago", "3 h ago", "4 d ago". */
export function timeAgo(iso?: string | null, now = Date.now()): string {
  if (!iso) return 'never'
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000))
  if (s < 45) return 'just now'
  const m = Math.round(s / 60)
  if (m < 60) return `${m} min ago`
  const h = Math.round(m / 60)
  if (h < 48) return `${h} h ago`
  return `${Math.round(h / 24)} d ago`
}

/** A uuid also where crypto.randomUUID is missing (plain-HTTP origins other than localhost). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

const DONE: Record<ServerAction, string> = {
  start: 'started', stop: 'stopped', restart: 'restarted', poweroff: 'powered off', suspend: 'suspended', unsuspend: 'unsuspended',
}

/** One toast for a bulk action: how many worked, and each refusal with its server's name. */
export function summarizeBulk(results: { server: { name: string }, ok: boolean, message: string }[], action: ServerAction) {
  const ok = results.filter(r => r.ok)
  const failed = results.filter(r => !r.ok)
  const head = `${ok.length} of ${results.length} ${DONE[action]}`
  if (!failed.length) return { level: 'success' as const, text: head }
  // The API's refusals usually name the server already ("web-1 is already running").
  const why = failed.map(r => r.message.startsWith(r.server.name) ? r.message : `${r.server.name}: ${r.message}`).join('; ')
  return { level: ok.length ? 'warning' as const : 'error' as const, text: `${head}. ${why}` }
}
