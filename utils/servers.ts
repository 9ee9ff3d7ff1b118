/**
 * What the server pages may offer, decided from a ServerView alone (status, capabilities, gone,
 * lock), so the list, the detail page and the tests agree. The API checks all of it again: this
 * only avoids offering a button that would be refused.
 */

export const SERVER_STATUSES = ['running', 'stopped', 'pending', 'rebooting', 'suspended', 'error', 'unknown'] as const
export type ServerStatus = (typeof SERVER_STATUSES)[number]
export type ServerAction = 'start' | 'stop' | 'restart' | 'poweroff' | 'suspend' | 'unsuspend'
export interface Cap { supported: boolean, note?: string }

/** The subset of ServerView these rules read. */
export interface ServerLike {
  name: string
  status: ServerStatus | string
  gone?: boolean
  admin_locked?: boolean
  lock_reason?: string | null
  needs_install?: boolean
  account: { type: string }
  capabilities?: Record<string, Cap | undefined>
}

/** Whether a server action can be offered now (named apart from the domains store's Availability: both are auto-imported). */
export interface ActionAvailability { enabled: boolean, reason?: string }

export const TRANSITIONAL: readonly string[] = ['pending', 'rebooting']
export const isTransitional = (status: string) => TRANSITIONAL.includes(status)

export const STATUS_LOOK: Record<string, { color: string, icon: string, label: string }> = {
  running: { color: 'success', icon: 'mdi-play-circle', label: 'Running' },
  stopped: { color: 'grey', icon: 'mdi-stop-circle', label: 'Stopped' },
  pending: { color: 'info', icon: 'mdi-progress-clock', label: 'Pending' },
  rebooting: { color: 'info', icon: 'mdi-restart', label: 'Rebooting' },
  suspended: { color: 'warning', icon: 'mdi-pause-circle', label: 'Suspended' },
  error: { color: 'error', icon: 'mdi-alert-circle', label: 'Error' },
  unknown: { color: 'grey', icon: 'mdi-help-circle', label: 'Unknown' },
}

export const PROVIDER_LOOK: Record<string, { color: string, icon: string, label: string }> = {
  virtfusion: { color: 'blue', icon: 'mdi-alpha-v-box', label: 'VirtFusion' },
  virtua: { color: 'teal', icon: 'mdi-cloud', label: 'Virtua.cloud' },
  hostinger: { color: 'deep-purple', icon: 'mdi-alpha-h-box', label: 'Hostinger' },
  inferno: { color: 'deep-orange', icon: 'mdi-fire', label: 'Inferno' },
}

/**
 * What each provider accepts beyond the template, from the adapters' capability notes: asking for
 * a field the provider ignores or refuses would only mislead.
 */
export interface FieldSupport { hostname: boolean, password: boolean, sshKeys: boolean, maxSshKeys?: number, dryRun: boolean, passwordRule?: string }
export const CREATE_FIELDS: Record<string, FieldSupport> = {
  virtfusion: { hostname: true, password: false, sshKeys: true, dryRun: false },
  virtua: { hostname: true, password: false, sshKeys: false, dryRun: false },
  hostinger: { hostname: true, password: true, sshKeys: true, maxSshKeys: 1, dryRun: false, passwordRule: '12+ characters with upper and lower case and a digit' },
  inferno: { hostname: false, password: false, sshKeys: true, dryRun: false },
}
export const REINSTALL_FIELDS: Record<string, FieldSupport> = {
  // VirtFusion's "dry run" checks the template against the server's package.
  virtfusion: { hostname: true, password: false, sshKeys: true, dryRun: true },
  virtua: { hostname: false, password: false, sshKeys: false, dryRun: false },
  hostinger: { hostname: false, password: true, sshKeys: false, dryRun: false, passwordRule: '12+ characters with upper and lower case and a digit' },
  inferno: { hostname: false, password: false, sshKeys: true, dryRun: true },
}
const NO_FIELDS: FieldSupport = { hostname: false, password: false, sshKeys: false, dryRun: false }
export const createFields = (type: string) => CREATE_FIELDS[type] ?? NO_FIELDS
export const reinstallFields = (type: string) => REINSTALL_FIELDS[type] ?? NO_FIELDS

/** Hostinger's rule for a root password, checked before the provider refuses it. */
export function passwordProblem(type: string, password: string): string | null {
  if (!password || type !== 'hostinger') return null
  if (password.length < 12 || !/[a-z]/.test(password) || !/[A-Z]/.test(password) || !/\d/.test(password)) {
    return 'At least 12 characters, with upper and lower case letters and a digit'
  }
  return null
}

/** Only VirtFusion has a hard power-off; the others say so in their power note. */
const HARD_POWEROFF = ['virtfusion']

/** Root password: VirtFusion resets it to reveal it, Hostinger never gives it. */
export function rootPasswordSupport(s: ServerLike): ActionAvailability & { resets: boolean } {
  const cap = s.capabilities?.rootPassword ?? s.capabilities?.root_password
  const resets = s.account.type === 'virtfusion'
  if (cap) return { enabled: cap.supported, reason: cap.supported ? undefined : cap.note, resets }
  if (s.account.type === 'hostinger') return { enabled: false, reason: 'Hostinger never reveals a root password: set one when buying or reinstalling.', resets }
  return { enabled: true, resets }
}

function capability(s: ServerLike, group: string): Cap {
  return s.capabilities?.[group] ?? { supported: false, note: 'This provider does not say it can do this.' }
}

/** A customer may still stop a locked server; nothing else (as the API decides). */
const ALLOWED_WHEN_LOCKED = ['stop', 'poweroff']

/** Why nothing can be done right now, whatever the action. */
function blocked(s: ServerLike, isAdmin: boolean, op?: string): string | undefined {
  if (s.gone) return `${s.name} no longer exists at the provider`
  if (s.admin_locked && !isAdmin && !ALLOWED_WHEN_LOCKED.includes(op ?? '')) return s.lock_reason ? `Locked by an administrator: ${s.lock_reason}` : 'Locked by an administrator'
  if (isTransitional(s.status)) return `${s.name} is ${s.status}; wait until it settles`
  return undefined
}

const WANTS: Record<ServerAction, { from: string[], group: string, adminOnly?: boolean }> = {
  start: { from: ['stopped', 'error', 'unknown'], group: 'power' },
  stop: { from: ['running', 'error', 'unknown'], group: 'power' },
  restart: { from: ['running', 'error', 'unknown'], group: 'power' },
  poweroff: { from: ['running', 'error', 'unknown'], group: 'power' },
  suspend: { from: ['running', 'stopped'], group: 'suspend', adminOnly: true },
  unsuspend: { from: ['suspended'], group: 'suspend', adminOnly: true },
}

export function actionAvailability(s: ServerLike, action: ServerAction, isAdmin: boolean): ActionAvailability {
  const want = WANTS[action]
  if (want.adminOnly && !isAdmin) return { enabled: false, reason: 'Only an administrator can do this' }
  const cap = capability(s, want.group)
  if (!cap.supported) return { enabled: false, reason: cap.note }
  if (action === 'poweroff' && !HARD_POWEROFF.includes(s.account.type)) return { enabled: false, reason: cap.note ?? 'This provider has no hard power-off' }
  const why = blocked(s, isAdmin, action)
  if (why) return { enabled: false, reason: why }
  if (s.needs_install) return { enabled: false, reason: `${s.name} is not installed yet` }
  if (!want.from.includes(s.status)) {
    if (s.status === 'suspended') return { enabled: false, reason: `${s.name} is suspended` }
    return { enabled: false, reason: `${s.name} is ${s.status}` }
  }
  return { enabled: true }
}

/** Reinstall, resize and delete: capability first (its note is the explanation), then state. */
export function operationAvailability(s: ServerLike, op: 'reinstall' | 'resize' | 'destroy', isAdmin: boolean): ActionAvailability {
  if (op !== 'reinstall' && !isAdmin) return { enabled: false, reason: 'Only an administrator can do this' }
  const cap = capability(s, op)
  if (!cap.supported) return { enabled: false, reason: cap.note }
  if (op === 'destroy') {
    if (s.gone) return { enabled: false, reason: `${s.name} no longer exists at the provider` }
    // Inferno can only cancel an unpaid order; an active server is cancelled in its own panel.
    if (s.account.type === 'inferno' && s.status !== 'pending') return { enabled: false, reason: cap.note }
    // An order that never got installed can still be cancelled, whatever its state.
    return { enabled: true }
  }
  const why = blocked(s, isAdmin)
  if (why) return { enabled: false, reason: why }
  if (s.status === 'suspended') return { enabled: false, reason: `${s.name} is suspended` }
  return { enabled: true }
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
