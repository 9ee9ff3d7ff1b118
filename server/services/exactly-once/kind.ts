/** What the engine needs to know about one kind of upstream object (servers, domains). */
import type { UpstreamObject } from './evidence'
import type { Intent } from './store'

export interface KindHandler {
  /** What exists upstream on the intent's account now (for a domain: that domain, if owned). */
  list(intent: Intent): Promise<UpstreamObject[]>
  /** The names the object will carry, given the intent's marker; `unique` when the marker is one of them. */
  names(intent: Intent, marker: string): { names: string[], uniqueMarker: string | null }
  /**
   * Records a settled object locally (inventory row, install job); what it returns is merged
   * into the intent's result. Safe to repeat. `made` is the provider's answer when there was one.
   */
  settled(intent: Intent, upstreamId: string, made?: unknown): Promise<Record<string, unknown>>
  /** Runs after the result is stored (queues an install step that reads it). */
  followUp?(intent: Intent): Promise<void>
  /** One line for admins: what was asked. */
  describe(intent: Intent): string
}

/** The kinds that spend money upstream: swept, reconciled and reviewed by admins. */
export const MONEY_KINDS: Intent['kind'][] = ['server.create', 'order.create', 'domain.purchase', 'server.ip_add']

/** Which kinds compete for the same upstream objects (a server order and a server create do). */
export function objectFamily(kind: Intent['kind']) {
  return kind === 'domain.purchase' ? 'domain' : kind === 'server.ip_add' ? 'address' : 'server'
}
