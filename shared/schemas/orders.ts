/** The portal: plans customers order, and their orders as they provision. */
import { z } from 'zod'
import { accountRef, ownerRef } from './common'
import { isoDate, obj, uuid, type View } from './define'
import { datacenter, osTemplate, planOffer } from './servers'
import { planPrice } from './invoices'

/** What a customer may know about a plan: no account, no upstream ids but the default OS. */
export const customerPlan = obj({
  id: uuid,
  name: z.string(),
  description: z.string().nullable(),
  price_text: z.string().nullable(),
  prices: z.array(planPrice).meta({ description: 'Price per billing cycle (empty: `price_text` only, ordered without an invoice)' }),
  pay_later: z.boolean().meta({ description: 'Provisioned before its invoice is paid' }),
  ssh_keys: z.boolean().meta({ description: 'Whether the order form offers SSH keys' }),
  default_template: z.string().nullable(),
  template_required: z.boolean(),
}).meta({ id: 'Plan' })
export type CustomerPlan = View<typeof customerPlan>

export const adminPlan = customerPlan.extend({
  account: accountRef,
  stock_limit: z.number().int().nullable(),
  mapping: z.record(z.string(), z.string()).meta({ description: 'The upstream ids the plan orders (per provider type)' }),
  customer_features: z.array(z.string()).meta({ description: 'What a customer may do on a server of this plan: graphs, console, snapshots, backups_restore, ptr, firewall, recovery, settings' }),
  retired: z.boolean(),
  retired_at: isoDate.nullable(),
  created_at: isoDate,
  updated_at: isoDate,
}).meta({ id: 'AdminPlan', description: 'A plan as admins see it: with its account and upstream mapping' })
export type AdminPlan = View<typeof adminPlan>

/** An OS template a customer may choose for a plan. */
export const planTemplate = obj({ id: z.string(), name: z.string(), family: z.string().nullable(), default: z.boolean() })
export type PlanTemplate = View<typeof planTemplate>

/** An account's plans, data centers and templates, for the plan form's pickers (a list that failed: its error). */
export const planCatalog = obj({
  account: accountRef,
  plans: z.array(planOffer),
  datacenters: z.array(datacenter),
  templates: z.array(osTemplate),
  errors: z.record(z.string(), z.string().nullable()).meta({ description: 'Per list (`plans`, `datacenters`, `templates`): why it could not be read, or null' }),
})
export type PlanCatalog = View<typeof planCatalog>

export const ORDER_STATUSES = ['awaiting_payment', 'pending', 'running', 'completed', 'failed', 'cancelled'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

const orderStep = obj({
  name: z.string(),
  label: z.string(),
  status: z.enum(['waiting', 'running', 'succeeded', 'failed', 'skipped']),
  started_at: isoDate.nullable(),
  finished_at: isoDate.nullable(),
  message: z.string().nullable(),
  message_code: z.string().nullable().meta({ description: '`message` as a code (the page says it in the reader\'s language; admins only, null on older logs)' }),
  message_params: z.record(z.string(), z.union([z.string(), z.number()])).nullable().meta({ description: 'The specifics of `message_code`' }),
})
export type OrderStep = View<typeof orderStep>
export type StepStatus = OrderStep['status']

const orderLog = obj({ id: z.number().int(), step: z.string(), status: z.string(), message: z.string().nullable(), upstream_request_id: z.string().nullable(), details: z.record(z.string(), z.unknown()).nullable().meta({ description: 'The step\'s outputs; `message_code` and `message_params`: `message` as a code; `code`: a provider\'s error code' }), at: isoDate })

export const order = obj({
  id: uuid,
  status: z.enum(ORDER_STATUSES),
  plan: obj({ id: uuid, name: z.string(), price_text: z.string().nullable() }),
  cycle: z.enum(['monthly', 'quarterly', 'yearly']).nullable().meta({ description: 'The billing cycle ordered (null: a plan without prices)' }),
  invoice_id: uuid.nullable().meta({ description: 'The order\'s invoice; `awaiting_payment` until it is paid' }),
  hostname: z.string(),
  template: z.string(),
  template_name: z.string().nullable().optional().meta({ description: 'The system\'s name when the order was placed (older orders: null)' }),
  ssh_key_ids: z.array(z.string()),
  current_step: z.string().nullable(),
  failed_step: z.string().nullable(),
  error: z.string().nullable(),
  error_code: z.string().nullable().optional().meta({ description: 'A customer\'s `error` as a code (`stopped_at`), for clients that translate it; admins get the upstream reason instead' }),
  error_params: z.record(z.string(), z.string()).optional().meta({ description: 'The specifics of `error_code` (`step`: the step\'s name)' }),
  server_id: uuid.nullable(),
  created_at: isoDate,
  updated_at: isoDate,
  steps: z.array(orderStep).optional().meta({ description: 'One order\'s own answer: its step timeline' }),
  customer: ownerRef.optional().meta({ description: 'Admins only' }),
  progress: z.record(z.string(), z.unknown()).optional().meta({ description: 'Admins only' }),
  logs: z.array(orderLog).optional().meta({ description: 'Admins only, one order\'s own answer' }),
}).meta({ id: 'Order' })
export type Order = View<typeof order>
