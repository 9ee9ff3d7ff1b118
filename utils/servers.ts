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

/** Translates a message key (vue-i18n's `t`): the pure helpers here take it from the component. */
export type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string

/**
 * One look per status, wherever a server's status shows: its colour, icon and words
 * (`status.server.<key>` in the status messages). `gone`: deleted upstream.
 */
export const STATUS_LOOK: Record<string, { color: string, icon: string, key: string }> = {
  running: { color: 'success', icon: 'mdi-play-circle', key: 'status.server.running' },
  stopped: { color: 'grey', icon: 'mdi-stop-circle', key: 'status.server.stopped' },
  pending: { color: 'info', icon: 'mdi-progress-clock', key: 'status.server.pending' },
  installing: { color: 'info', icon: 'mdi-progress-download', key: 'status.server.installing' },
  rebooting: { color: 'info', icon: 'mdi-restart', key: 'status.server.rebooting' },
  suspended: { color: 'warning', icon: 'mdi-pause-circle', key: 'status.server.suspended' },
  error: { color: 'error', icon: 'mdi-alert-circle', key: 'status.server.error' },
  unknown: { color: 'grey', icon: 'mdi-help-circle', key: 'status.server.unknown' },
  gone: { color: 'blue-grey', icon: 'mdi-cloud-off-outline', key: 'status.server.gone' },
}
export const statusLook = (status: string) => STATUS_LOOK[status] ?? STATUS_LOOK.unknown!

/** A uuid also where crypto.randomUUID is missing (plain-HTTP origins other than localhost). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** One toast for a bulk action: how many worked, and each refusal with its server's name. */
export function summarizeBulk(results: { server: { name: string }, ok: boolean, message: string }[], action: ServerAction, t: Translate) {
  const ok = results.filter(r => r.ok)
  const failed = results.filter(r => !r.ok)
  const head = t(`server.bulkDone.${action}`, { ok: ok.length, total: results.length })
  if (!failed.length) return { level: 'success' as const, text: head }
  // The API's refusals usually name the server already ("web-1 is already running").
  const why = failed.map(r => r.message.startsWith(r.server.name) ? r.message : t('server.bulkFailure', { name: r.server.name, message: r.message })).join('; ')
  return { level: ok.length ? 'warning' as const : 'error' as const, text: t('server.bulkWhy', { head, why }) }
}
