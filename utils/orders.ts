/** How the portal's plans and orders read in the UI (their shapes: shared/schemas/orders.ts). */
import type { Order, OrderStatus, PlanCatalog as ApiPlanCatalog, StepStatus } from '~~/shared/schemas/orders'

export type { AdminPlan, CustomerPlan, Order, OrderStatus, OrderStep, PlanTemplate } from '~~/shared/schemas/orders'
/** The plan form's catalog: the API's, or an empty one saying why it could not be read (no account then). */
export type PlanCatalog = Omit<ApiPlanCatalog, 'account'> & { account?: ApiPlanCatalog['account'] }
export interface CatalogOption { id: string, name: string, price?: number | null, currency?: string | null, period?: string | null }

/**
 * The one vocabulary of states (words in `order.status.<word>`): each word has one colour and one
 * icon wherever it shows, so "In progress" looks the same on an order, a step and an intent.
 */
const STATE = {
  queued: { color: 'info', icon: 'mdi-timer-sand' },
  inProgress: { color: 'primary', icon: 'mdi-progress-wrench' },
  ready: { color: 'success', icon: 'mdi-check-circle' },
  needsAttention: { color: 'error', icon: 'mdi-alert-circle' },
  cancelled: { color: 'grey', icon: 'mdi-cancel' },
  waiting: { color: 'grey', icon: 'mdi-circle-outline' },
  done: { color: 'success', icon: 'mdi-check' },
  failed: { color: 'error', icon: 'mdi-close' },
  notNeeded: { color: 'grey', icon: 'mdi-debug-step-over' },
  awaitingPayment: { color: 'warning', icon: 'mdi-cash-clock' },
} as const
type Word = keyof typeof STATE
const look = (word: Word) => ({ word, key: `order.status.${word}`, ...STATE[word] })

export const ORDER_STATUS: Record<OrderStatus, ReturnType<typeof look>> = {
  awaiting_payment: look('awaitingPayment'),
  pending: look('queued'),
  running: look('inProgress'),
  completed: look('ready'),
  failed: look('needsAttention'),
  cancelled: look('cancelled'),
}

export const STEP_STATUS: Record<StepStatus, ReturnType<typeof look>> = {
  waiting: look('waiting'),
  running: look('inProgress'),
  succeeded: look('done'),
  failed: look('failed'),
  skipped: look('notNeeded'),
}

export function isActive(o: Pick<Order, 'status'>) {
  return o.status === 'pending' || o.status === 'running'
}
