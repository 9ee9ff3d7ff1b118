/**
 * Which action a server's state allows, as pure functions (unit-tested without a database).
 *
 * Our inventory may lag the provider, so callers refresh the server upstream first and then ask
 * here; a refusal is one sentence the API answers with a 409.
 */
import type { ProviderType, ServerStatus } from '#server/providers/types'

export const POWER_ACTIONS = ['start', 'stop', 'restart', 'poweroff'] as const
export const SERVER_ACTIONS = [...POWER_ACTIONS, 'suspend', 'unsuspend'] as const
export type ServerAction = (typeof SERVER_ACTIONS)[number]
export type LifecycleOperation = ServerAction | 'resize' | 'reinstall' | 'destroy' | 'root-password'

/** Customers never suspend, unsuspend, resize or delete: those change what the customer pays for. */
export const ADMIN_ONLY: ReadonlySet<LifecycleOperation> = new Set(['suspend', 'unsuspend', 'resize', 'destroy'])

/** A customer may still stop a locked server (it stops costing trouble); nothing else. */
const ALLOWED_WHEN_LOCKED: ReadonlySet<LifecycleOperation> = new Set(['stop', 'poweroff'])

const TRANSITIONAL: ReadonlySet<ServerStatus> = new Set(['pending', 'rebooting'])

export interface ServerState {
  name: string
  status: ServerStatus | string
  gone: boolean
  adminLocked: boolean
  lockReason?: string | null
  needsInstall: boolean
}

/**
 * Whether a server still waits for its install step, from the provider's raw word:
 * a VirtFusion server allocated but never built, a Hostinger VM bought but never set up, an
 * Inferno order (unpaid, or paid) with no VPS on it yet.
 */
export function needsInstall(type: ProviderType | string, rawStatus: string | null | undefined): boolean {
  const raw = rawStatus ?? ''
  switch (type) {
    case 'virtfusion': return raw === 'allocated'
    case 'hostinger': return raw === 'initial'
    case 'inferno': return raw === 'Pending' || raw === 'Active'
    default: return false
  }
}

/** Whether the provider itself is not ready for the install step yet (an unpaid Inferno order). */
export function waitingForProvider(type: ProviderType | string, rawStatus: string | null | undefined): boolean {
  return type === 'inferno' && rawStatus === 'Pending'
}

/** Why `op` cannot run on this server now (a 409 message), or null when it may. */
export function refusal(s: ServerState, op: LifecycleOperation, opts: { isAdmin: boolean }): string | null {
  const name = s.name
  if (s.gone) return `${name} is gone: the provider no longer has it`
  if (s.adminLocked && !opts.isAdmin && !ALLOWED_WHEN_LOCKED.has(op)) {
    return `${name} is locked by an administrator${s.lockReason ? ` (${s.lockReason})` : ''}`
  }
  // An order that was never installed can still be cancelled: that is how Inferno deletes it.
  if (op === 'destroy') return null
  if (s.needsInstall) return `${name} is not installed yet; wait until its installation has run`
  if (TRANSITIONAL.has(s.status as ServerStatus)) return `${name} is ${s.status}; wait until it settles`
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
