/** Shapes of the portal API (plans, orders) and how their states read in the UI. */
export interface CustomerPlan {
  id: string
  name: string
  description: string | null
  price_text: string | null
  ssh_keys: boolean
  default_template: string | null
  template_required: boolean
}
export interface AdminPlan extends CustomerPlan {
  account: { slug: string, type: string, display_name: string }
  mapping: Record<string, string>
  retired: boolean
  retired_at: string | null
  created_at: string
  updated_at: string
}
export interface CatalogOption { id: string, name: string, price?: number | null, currency?: string | null, period?: string | null }
export interface PlanCatalog { plans: CatalogOption[], datacenters: CatalogOption[], templates: CatalogOption[], errors: Record<string, string | null> }
export interface PlanTemplate { id: string, name: string, family: string | null, default: boolean }

export type OrderStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled'
export type StepStatus = 'waiting' | 'running' | 'succeeded' | 'failed' | 'skipped'
export interface OrderStep { name: string, label: string, status: StepStatus, started_at: string | null, finished_at: string | null, message: string | null }
export interface OrderLog { id: number, step: string, status: string, message: string | null, upstream_request_id: string | null, details: Record<string, unknown> | null, at: string }
export interface Order {
  id: string
  status: OrderStatus
  plan: { id: string, name: string, price_text: string | null }
  hostname: string
  template: string
  ssh_key_ids: string[]
  current_step: string | null
  failed_step: string | null
  error: string | null
  server_id: string | null
  created_at: string
  updated_at: string
  steps?: OrderStep[]
  customer?: { id: string, name: string, email: string }
  logs?: OrderLog[]
}

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

/** The servers API's view, as far as the portal shows it. */
export interface PortalServer {
  id: string
  name: string
  hostname: string | null
  status: string
  raw_status: string | null
  ipv4: string[]
  ipv6: string[]
  os: string | null
  admin_locked: boolean
  lock_reason: string | null
  gone: boolean
  capabilities: Record<string, { supported: boolean, note?: string }>
  owner: { id: string, name: string, email: string } | null
}
