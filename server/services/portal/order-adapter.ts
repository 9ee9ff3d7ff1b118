/**
 * The adapter an order talks to, and what it asks it to create.
 *
 * A plan whose servers belong to the customer's own upstream user acts as that user: the
 * provider's `customer_user_setting` (the account's default user) is swapped for the customer's,
 * so SSH keys land in the customer's key list and the server is theirs upstream. Everything else
 * uses the account as it is.
 */
import type { ProviderAccount } from '#server/db/schema'
import type { BaseAdapter } from '#server/providers/base'
import type { CreateServerInput } from '#server/providers/types'
import { getDefinition } from '#server/providers/registry'
import { adapterFor } from '../provider-accounts'
import type { OrderRow } from './order-lease'

export interface OrderProgress {
  /** Where each step got to: a finished step is never run again. */
  states?: Partial<Record<string, 'started' | 'succeeded' | 'skipped'>>
  ensure_user?: { upstream_user_id?: string }
  push_ssh_keys?: { upstream_ids?: string[] }
  /** The create itself is an exactly-once intent (orderCreateKey); this is what it settled on. */
  create?: { upstream_id?: string }
  install?: { started_at?: string, waiting_since?: string }
  wait_running?: { since?: string }
  assign?: { server_id?: string }
  [step: string]: unknown
}

export function orderAdapter(account: ProviderAccount, progress: OrderProgress): BaseAdapter {
  const user = progress.ensure_user?.upstream_user_id
  const setting = getDefinition(account.type)?.meta.facts.customer_user_setting
  if (setting && user) return adapterFor({ ...account, settings: { ...account.settings, [setting]: user } })
  return adapterFor(account)
}

/** The create call for this order, from the plan's mapping and the step outputs so far. */
export function createInput(adapter: BaseAdapter, mapping: Record<string, string>, order: OrderRow, progress: OrderProgress): CreateServerInput {
  return adapter.createInputForPlan(mapping, {
    hostname: order.hostname,
    template: order.template,
    sshKeyIds: progress.push_ssh_keys?.upstream_ids ?? [],
    customerUserId: progress.ensure_user?.upstream_user_id,
  })
}

/** The create step's Idempotency-Key: one upstream create per order, however often the step runs. */
export const orderCreateKey = (orderId: string) => `order-create:${orderId}`
