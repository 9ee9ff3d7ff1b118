/**
 * Which server action the server's state and its provider allow, as pure functions over data:
 * the API (server/services/servers/rules.ts) refuses with `refusal`, the pages offer a button
 * from `actionAvailability`/`operationAvailability`. Provider differences come in as
 * `ProviderFacts` (each provider's metadata), never as provider names.
 */
import type { CharacterClass, FieldSupport, PasswordRule, ProviderFacts } from '../providers/facts'

export const POWER_ACTIONS = ['start', 'stop', 'restart', 'poweroff'] as const
export const SERVER_ACTIONS = [...POWER_ACTIONS, 'suspend', 'unsuspend'] as const
export type ServerAction = (typeof SERVER_ACTIONS)[number]
export type LifecycleOperation = ServerAction | 'resize' | 'reinstall' | 'destroy' | 'root-password'

/** Customers never suspend, unsuspend, resize or delete: those change what the customer pays for. */
export const ADMIN_ONLY: ReadonlySet<LifecycleOperation> = new Set(['suspend', 'unsuspend', 'resize', 'destroy'])

/** A customer may still stop a locked server (it stops costing trouble); nothing else. */
const ALLOWED_WHEN_LOCKED: ReadonlySet<string> = new Set(['stop', 'poweroff'])

export const TRANSITIONAL: readonly string[] = ['pending', 'rebooting']
export const isTransitional = (status: string) => TRANSITIONAL.includes(status)

// ---------- provider facts read by both sides ----------

type RawStateFacts = Pick<ProviderFacts, 'raw_states'> | undefined

/** Whether a server still waits for its install step, from the provider's raw status word. */
export function needsInstall(facts: RawStateFacts, rawStatus: string | null | undefined): boolean {
  return !!facts?.raw_states.awaiting_install.includes(rawStatus ?? '')
}

/** Whether the provider itself is not ready for the install step yet (an unpaid order). */
export function waitingForProvider(facts: RawStateFacts, rawStatus: string | null | undefined): boolean {
  return !!facts?.raw_states.awaiting_provider.includes(rawStatus ?? '')
}

const CLASS_TEST: Record<CharacterClass, RegExp> = { lower: /[a-z]/, upper: /[A-Z]/, digit: /\d/ }

/** Why `password` breaks the provider's rule, or null (also when there is no rule or no password). */
export function passwordProblem(rule: PasswordRule | null | undefined, password: string): string | null {
  if (!password || !rule) return null
  if (password.length < rule.min_length || rule.classes.some(c => !CLASS_TEST[c].test(password))) return rule.message
  return null
}

const NO_FIELDS: FieldSupport = { hostname: false, password: false, ssh_keys: false, dry_run: false }
export const createFields = (facts: ProviderFacts | undefined): ProviderFacts['create'] => facts?.create ?? NO_FIELDS
export const reinstallFields = (facts: ProviderFacts | undefined): FieldSupport => facts?.reinstall ?? NO_FIELDS

// ---------- the API's refusals ----------

export interface ServerState {
  name: string
  status: string
  gone: boolean
  adminLocked: boolean
  lockReason?: string | null
  needsInstall: boolean
}

/** Why `op` cannot run on this server now (a 409 message), or null when it may. */
export function refusal(s: ServerState, op: LifecycleOperation, opts: { isAdmin: boolean }): string | null {
  const name = s.name
  if (s.gone) return `${name} is gone: the provider no longer has it`
  if (s.adminLocked && !opts.isAdmin && !ALLOWED_WHEN_LOCKED.has(op)) {
    return `${name} is locked by an administrator${s.lockReason ? ` (${s.lockReason})` : ''}`
  }
  // An order that was never installed can still be cancelled: that is how an unpaid order is deleted.
  if (op === 'destroy') return null
  if (s.needsInstall) return `${name} is not installed yet; wait until its installation has run`
  if (isTransitional(s.status)) return `${name} is ${s.status}; wait until it settles`
  const suspended = s.status === 'suspended'
  switch (op) {
    case 'start':
      if (suspended) return `${name} is suspended; unsuspend it first`
      if (s.status === 'running') return `${name} is already running`
      return null
    case 'stop':
    case 'poweroff':
      if (suspended) return `${name} is suspended, so it is already stopped`
      if (s.status === 'stopped') return `${name} is already stopped`
      return null
    case 'restart':
      if (suspended) return `${name} is suspended; unsuspend it first`
      if (s.status === 'stopped') return `${name} is stopped; start it instead`
      return null
    case 'suspend':
      return suspended ? `${name} is already suspended` : null
    case 'unsuspend':
      return suspended ? null : `${name} is not suspended`
    case 'resize':
    case 'reinstall':
    case 'root-password':
      return suspended ? `${name} is suspended; unsuspend it first` : null
  }
  return null
}

// ---------- what the pages offer ----------

export interface Cap { supported: boolean, note?: string, note_key?: string }

/** The subset of a server view these rules read. */
export interface ServerLike {
  name: string
  status: string
  gone?: boolean
  admin_locked?: boolean
  lock_reason?: string | null
  needs_install?: boolean
  capabilities?: Record<string, Cap | undefined>
}

/**
 * Why an action is not offered, for pages that translate: `key` is a message key (`server.why.*`,
 * or a capability note's `providerFacts.*` key) with its `params`; `reason` stays the English sentence.
 */
export interface Why { key: string, params?: Record<string, string> }

/** Whether a server action can be offered now (named apart from the domains store's Availability: both are auto-imported). */
export interface ActionAvailability { enabled: boolean, reason?: string, why?: Why }

const NO_CAPABILITY = 'This provider does not say it can do this.'

function capability(s: ServerLike, group: string): Cap {
  return s.capabilities?.[group] ?? { supported: false, note: NO_CAPABILITY }
}

/** Not offered: the English sentence and its message key. */
const refused = (reason: string | undefined, key: string | undefined, params?: Record<string, string>): ActionAvailability =>
  ({ enabled: false, reason, ...(key ? { why: { key, ...(params ? { params } : {}) } } : {}) })

/** Not offered because the capability says so: its note (and the note's key). */
const byNote = (cap: Cap): ActionAvailability =>
  refused(cap.note, cap.note === NO_CAPABILITY ? 'server.why.noCapability' : cap.note_key)

/** Why nothing can be done right now, whatever the action. */
function blocked(s: ServerLike, isAdmin: boolean, op?: string): ActionAvailability | undefined {
  const name = s.name
  if (s.gone) return refused(`${name} no longer exists at the provider`, 'server.why.gone', { name })
  if (s.admin_locked && !isAdmin && !ALLOWED_WHEN_LOCKED.has(op ?? '')) {
    return s.lock_reason
      ? refused(`Locked by an administrator: ${s.lock_reason}`, 'server.why.lockedBecause', { reason: s.lock_reason })
      : refused('Locked by an administrator', 'server.why.locked')
  }
  if (isTransitional(s.status)) return refused(`${name} is ${s.status}; wait until it settles`, 'server.why.settling', { name, status: s.status })
  return undefined
}

const WANTS: Record<ServerAction, { from: string[], group: string }> = {
  start: { from: ['stopped', 'error', 'unknown'], group: 'power' },
  stop: { from: ['running', 'error', 'unknown'], group: 'power' },
  restart: { from: ['running', 'error', 'unknown'], group: 'power' },
  poweroff: { from: ['running', 'error', 'unknown'], group: 'power' },
  suspend: { from: ['running', 'stopped'], group: 'suspend' },
  unsuspend: { from: ['suspended'], group: 'suspend' },
}

const ADMIN_ONLY_REFUSAL = (): ActionAvailability => refused('Only an administrator can do this', 'server.why.adminOnly')

export function actionAvailability(s: ServerLike, action: ServerAction, isAdmin: boolean, facts: ProviderFacts | undefined): ActionAvailability {
  const want = WANTS[action]
  const name = s.name
  if (ADMIN_ONLY.has(action) && !isAdmin) return ADMIN_ONLY_REFUSAL()
  const cap = capability(s, want.group)
  if (!cap.supported) return byNote(cap)
  if (action === 'poweroff' && !facts?.hard_power_off) return cap.note ? byNote(cap) : refused('This provider has no hard power-off', 'server.why.noHardPowerOff')
  const why = blocked(s, isAdmin, action)
  if (why) return why
  if (s.needs_install) return refused(`${name} is not installed yet`, 'server.why.notInstalled', { name })
  if (!want.from.includes(s.status)) {
    if (s.status === 'suspended') return refused(`${name} is suspended`, 'server.why.suspended', { name })
    return refused(`${name} is ${s.status}`, 'server.why.isStatus', { name, status: s.status })
  }
  return { enabled: true }
}

/** Reinstall, resize and delete: capability first (its note is the explanation), then state. */
export function operationAvailability(s: ServerLike, op: 'reinstall' | 'resize' | 'destroy', isAdmin: boolean, facts: ProviderFacts | undefined): ActionAvailability {
  const name = s.name
  if (ADMIN_ONLY.has(op) && !isAdmin) return ADMIN_ONLY_REFUSAL()
  const cap = capability(s, op)
  if (!cap.supported) return byNote(cap)
  if (op === 'destroy') {
    if (s.gone) return refused(`${name} no longer exists at the provider`, 'server.why.gone', { name })
    // Where only some states can be deleted (an order cancelled while unpaid), the note says which.
    const only = facts?.destroy.only_when
    if (only && !only.includes(s.status)) return byNote(cap)
    // An order that never got installed can still be cancelled, whatever its state.
    return { enabled: true }
  }
  const why = blocked(s, isAdmin)
  if (why) return why
  if (s.status === 'suspended') return refused(`${name} is suspended`, 'server.why.suspended', { name })
  return { enabled: true }
}

/** Root password: revealed as it is, reset to be revealed, or never given (the note says so). */
export function rootPasswordSupport(s: ServerLike, facts: ProviderFacts | undefined): ActionAvailability & { resets: boolean } {
  const cap = s.capabilities?.rootPassword ?? s.capabilities?.root_password
  const mode = facts?.root_password.mode ?? 'reveal'
  const resets = mode === 'reset'
  if (cap) return cap.supported ? { enabled: true, resets } : { ...byNote(cap), resets }
  if (mode === 'none') return { ...refused(facts?.root_password.note, facts?.root_password.note_key), resets }
  return { enabled: true, resets }
}
