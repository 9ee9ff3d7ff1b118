/** How the portal's plans and orders read in the UI (their shapes: shared/schemas/orders.ts). */
import type { Order, OrderStatus, PlanCatalog as ApiPlanCatalog, StepStatus } from '~~/shared/schemas/orders'

export type { AdminPlan, CustomerPlan, Order, OrderStatus, OrderStep, PlanTemplate } from '~~/shared/schemas/orders'
/** The plan form's catalog: the API's, or an empty one saying why it could not be read (no account then). */
export type PlanCatalog = Omit<ApiPlanCatalog, 'account'> & { account?: ApiPlanCatalog['account'] }
export interface CatalogOption { id: string, name: string, price?: number | null, currency?: string | null, period?: string | null }

export const ORDER_STATUS: Record<OrderStatus, { label: string, color: string, icon: string }> = {
  pending: { label: 'Queued', color: 'info', icon: 'mdi-timer-sand' },
  running: { label: 'Setting up', color: 'primary', icon: 'mdi-progress-wrench' },
  completed: { label: 'Ready', color: 'success', icon: 'mdi-check-circle' },
  failed: { label: 'Needs attention', color: 'error', icon: 'mdi-alert-circle' },
  cancelled: { label: 'Cancelled', color: 'grey', icon: 'mdi-cancel' },
}

export const STEP_STATUS: Record<StepStatus, { label: string, color: string, icon: string }> = {
  waiting: { label: 'Waiting', color: 'grey', icon: 'mdi-circle-outline' },
  running: { label: 'In progress', color: 'primary', icon: 'mdi-progress-clock' },
  succeeded: { label: 'Done', color: 'success', icon: 'mdi-check' },
  failed: { label: 'Failed', color: 'error', icon: 'mdi-close' },
  skipped: { label: 'Not needed', color: 'grey', icon: 'mdi-debug-step-over' },
}

export function isActive(o: Pick<Order, 'status'>) {
  return o.status === 'pending' || o.status === 'running'
}

export function when(iso: string | null | undefined) {
  return iso ? new Date(iso).toLocaleString() : ''
}

export function time(iso: string | null | undefined) {
  return iso ? new Date(iso).toLocaleTimeString() : ''
}
