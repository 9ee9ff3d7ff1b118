/**
 * The adapter an order talks to, and what it asks it to create.
 *
 * A VirtFusion plan with a per-customer user acts as that user: the account's default `user_id`
 * setting is swapped for the customer's VirtFusion user, so SSH keys land in the customer's key
 * list and the server is theirs upstream. Everything else uses the account as it is.
 */
import type { ProviderAccount } from '#server/db/schema'
import type { BaseAdapter } from '#server/providers/base'
import type { CreateServerInput } from '#server/providers/types'
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
  const vfUser = progress.ensure_user?.upstream_user_id
  if (account.type === 'virtfusion' && vfUser) return adapterFor({ ...account, settings: { ...account.settings, user_id: vfUser } })
  return adapterFor(account)
}

/** The create call for this order, from the plan's mapping and the step outputs so far. */
export function createInput(account: ProviderAccount, mapping: Record<string, string>, order: OrderRow, progress: OrderProgress): CreateServerInput {
  const keys = progress.push_ssh_keys?.upstream_ids ?? []
  switch (account.type) {
    case 'virtfusion':
      return {
        plan: mapping.packageId!,
        hostname: order.hostname,
        options: { userId: progress.ensure_user?.upstream_user_id ?? mapping.userId, hypervisorId: mapping.hypervisorId },
      }
    case 'virtua':
      return { plan: mapping.offer!, template: order.template, hostname: order.hostname, options: mapping.project ? { project: mapping.project } : {} }
    case 'hostinger':
      // Setup takes one key; the others are attached in the install step.
      return { plan: mapping.item!, dataCenterId: mapping.dataCenterId, template: order.template, hostname: order.hostname, sshKeyIds: keys.slice(0, 1) }
    case 'inferno':
      return { plan: mapping.pid!, hostname: order.hostname }
  }
}

/** The create step's Idempotency-Key: one upstream create per order, however often the step runs. */
export const orderCreateKey = (orderId: string) => `order-create:${orderId}`
