/**
 * Hostinger's wire shapes (OpenAPI spec hostinger/api 1.42.5), limited to the fields we read.
 * Everything is optional/nullable where the spec allows it, and numbers may arrive as strings.
 */

export interface HIpAddress { id: number, address: string, ptr?: string | null }
export interface HTemplate { id: number, name: string, description?: string | null, documentation?: string | null }

export interface HVirtualMachine {
  id: number | string
  firewall_group_id?: number | null
  subscription_id?: string | null
  data_center_id?: number | string | null
  plan?: string | null
  hostname: string
  state: string
  actions_lock?: 'locked' | 'unlocked' | string
  cpus?: number | string | null
  /** MB */
  memory?: number | string | null
  /** MB */
  disk?: number | string | null
  /** MB a month */
  bandwidth?: number | string | null
  ns1?: string | null
  ns2?: string | null
  ipv4?: HIpAddress[] | null
  ipv6?: HIpAddress[] | null
  template?: HTemplate | null
  created_at?: string | null
}

export interface HAction { id: number, name: string, state: 'success' | 'error' | 'delayed' | 'sent' | 'created' | string, created_at?: string, updated_at?: string }

export interface HOrder { id: number, subscription_id?: string, status: string, currency?: string, subtotal?: number, total?: number, created_at?: string }
export interface HPurchaseResponse { order: HOrder, virtual_machine: HVirtualMachine }

export interface HDataCenter { id: number | string, name?: string | null, location?: string | null, city?: string | null, continent?: string | null }

export interface HPrice {
  id: string
  name?: string | null
  currency?: string | null
  /** cents */
  price?: number | string | null
  /** cents */
  first_period_price?: number | string | null
  period?: number | string | null
  period_unit?: 'day' | 'week' | 'month' | 'year' | 'none' | string | null
}
export interface HCatalogItem { id: string, name: string, category: string, metadata?: Record<string, unknown> | null, prices?: HPrice[] | null }

export interface HSubscription {
  id: string
  name: string
  status: string
  billing_period?: number | null
  billing_period_unit?: string | null
  currency_code?: string | null
  /** cents */
  total_price?: number | string | null
  /** cents */
  renewal_price?: number | string | null
  is_auto_renewed?: boolean
  created_at?: string | null
  expires_at?: string | null
  next_billing_at?: string | null
}

export interface HPaymentMethod {
  id: number | string
  name: string
  identifier?: string | null
  payment_method?: string | null
  is_default?: boolean
  is_expired?: boolean
  is_suspended?: boolean
}

export interface HPublicKey { id: number | string, name: string, key: string }
export interface HPage<T> { data: T[], meta?: { current_page?: number, per_page?: number, total?: number } }

/** Common.Response.* error bodies. */
export interface HErrorBody { message?: string, errors?: Record<string, unknown>, correlation_id?: string }

/** VPS.V1.Firewall.FirewallRuleResource */
export interface HFirewallRule { id: number, action?: 'accept' | 'drop', protocol?: string, port?: string, source?: string, source_detail?: string }
/** VPS.V1.Firewall.FirewallResource */
export interface HFirewall { id: number, name?: string, is_synced?: boolean, rules?: HFirewallRule[], created_at?: string, updated_at?: string }
/** VPS.V1.Metrics.MetricsResource: `usage` maps UNIX seconds (as keys) to a value. */
export interface HMetricSeries { unit?: string, usage?: Record<string, number | string> | null }
export interface HMetrics {
  cpu_usage?: HMetricSeries | null
  ram_usage?: HMetricSeries | null
  disk_space?: HMetricSeries | null
  outgoing_traffic?: HMetricSeries | null
  incoming_traffic?: HMetricSeries | null
  uptime?: HMetricSeries | null
}
export interface HSnapshot { id?: number | null, restore_time?: number | null, created_at?: string | null, expires_at?: string | null }
/** `size` in kilobytes. */
export interface HBackup { id: number, size?: number | null, restore_time?: number | null, location?: string | null, created_at?: string | null }
