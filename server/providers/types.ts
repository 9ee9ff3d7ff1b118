/**
 * The adapter contract every provider implements.
 *
 * Capabilities are data (see `CapabilityMap`): the UI and the API read them to decide what to
 * offer, and every operation a provider lacks is inherited from `BaseAdapter`, which throws
 * `NotSupportedError` (→ HTTP 501). Models are provider-neutral; whatever an upstream says
 * beyond them stays in `extra`.
 */
import type { BaseAdapter } from './base'
import type { HttpClient, HttpClientOptions } from './http'
import type { ProviderFacts } from '#shared/providers/facts'
import type { ConnectionCode, ConnectionParams } from '#shared/providers/connection'
import type { ActionResultCode, ActionResultParams } from '#shared/providers/action-results'
import type { SubscriptionOut } from '#shared/billing/types'
import type { ProviderType } from './registry'

export type { PlanMappingField, ProviderFacts } from '#shared/providers/facts'
/** Derived from the registry (type-only import, so no runtime cycle): one line adds a provider. */
export type { ProviderType } from './registry'

export const CAPABILITY_GROUPS = [
  'servers', 'power', 'suspend', 'resize', 'reinstall', 'create', 'destroy', 'catalog',
  'dns', 'domains', 'ssh_keys', 'billing', 'orders', 'console', 'firewall',
  // day-2 operations on one server
  'metrics', 'snapshots', 'backups', 'ptr', 'recovery', 'activity', 'host_settings',
  // adding/removing addresses and choosing a backup plan (both may cost money)
  'ip_addresses', 'backup_plan',
] as const
export type CapabilityGroup = (typeof CAPABILITY_GROUPS)[number]
/** `note_key` is filled in by the registry (shared/providers/text-keys.ts), never by hand. */
export interface Capability { supported: boolean, note?: string, note_key?: string }
export type CapabilityMap = Record<CapabilityGroup, Capability>

/** One field of the add/edit dialog, generated from metadata. */
export interface SettingField {
  key: string
  label: string
  help?: string
  required?: boolean
  default?: string
  placeholder?: string
  type?: 'text' | 'number' | 'url'
}

export interface ProviderMetadata {
  type: ProviderType
  displayName: string
  docsUrl?: string
  /** Secret fields: `api_key` always, `api_secret` where the provider has one. */
  credentials: SettingField[]
  /** Non-secret settings kept in `extra` (always includes `base_url`). */
  settings: SettingField[]
  capabilities: CapabilityMap
  /** Finer facts than the capability map (fields, rules, raw words, look), read by services and UI. */
  facts: ProviderFacts
}

export interface AdapterCredentials { apiKey: string, apiSecret?: string }

export interface AdapterContext {
  /** Our account slug, used in messages and logs. */
  slug: string
  credentials: AdapterCredentials
  settings: Record<string, string | number | boolean | null | undefined>
  /** Client bound to this account's base URL, auth and redaction. */
  http: HttpClient
}

export interface AccountSettings { [key: string]: string | number | boolean | null | undefined }

/** What a provider folder's index.ts exports: the one thing the registry lists. */
export interface ProviderDefinition {
  meta: ProviderMetadata
  /** Base URL, auth and error parsing for this provider's HTTP client. */
  httpOptions(credentials: AdapterCredentials, settings: AccountSettings): Omit<HttpClientOptions, 'provider'>
  createAdapter(ctx: AdapterContext): BaseAdapter
  /** Monthly traffic allowance in GB from a stored upstream record, where it has one. */
  bandwidthGb?(extra: unknown): number | null
}

// ---------- models ----------

export const SERVER_STATUSES = ['running', 'stopped', 'pending', 'rebooting', 'suspended', 'error', 'unknown'] as const
export type ServerStatus = (typeof SERVER_STATUSES)[number]

export interface ServerRecord {
  upstreamId: string
  name: string
  hostname: string | null
  status: ServerStatus
  rawStatus: string
  ipv4: string[]
  ipv6: string[]
  os: string | null
  vcpus: number | null
  memoryMb: number | null
  diskGb: number | null
  region: string | null
  plan: string | null
  createdAt: string | null
  extra: unknown
  /**
   * Set when a list could read this server's row but not its details (one failing read must not
   * fail the whole list): the other fields are a stand-in, and the sync keeps what it knew.
   */
  detailError?: string
}

export interface CreateServerInput {
  plan: string
  dataCenterId?: string
  template?: string
  password?: string
  hostname: string
  sshKeyIds?: string[]
  paymentMethodId?: string
  /** Provider-only fields (VirtFusion userId/hypervisorId, Virtua project, …). */
  options?: Record<string, unknown>
  /**
   * The exactly-once intent's short id: put on the new object where the provider takes a free
   * name (VirtFusion's `name`), so a lost answer can be tied to its create.
   */
  marker?: string
}

export interface InstallInput {
  template: string
  hostname?: string
  password?: string
  sshKeyIds?: string[]
  /** Validate only, where the provider has a dry run (Inferno `run=0`). */
  dryRun?: boolean
}

/** What a portal order chose, for `createInputForPlan`. */
export interface PlanOrderInput {
  hostname: string
  template: string
  /** Upstream ids of the customer's keys (pushed before the create). */
  sshKeyIds: string[]
  /** The upstream user made by `ensureCustomerUser`, if any. */
  customerUserId?: string
}
export interface PortalCustomer { customerNumber: number | string, name: string, email: string }
/** `created`: made or found for this customer; false for a plan's fixed user. */
export interface CustomerUser { userId: string, created: boolean, message: string }

export type PowerAction = 'start' | 'stop' | 'restart' | 'poweroff'

export interface ResizeInput { plan: string, resizeDisk?: boolean }
export interface DestroyInput { delayMinutes?: number }

export interface Datacenter { id: string, name: string, location: string | null, country: string | null, extra?: unknown }
export interface PlanOffer {
  id: string
  name: string
  vcpus: number | null
  memoryMb: number | null
  diskGb: number | null
  price: number | null
  currency: string | null
  period: string | null
  region?: string | null
  extra?: unknown
}
export interface OsTemplate { id: string, name: string, family?: string | null, extra?: unknown }
export interface CatalogItem {
  id: string
  name: string
  category: string
  price_cents: number | null
  currency: string | null
  period: string | null
  description: string | null
  extra?: unknown
}

// The record model lives in shared/dns so the browser's validators use the very same type.
// eslint-disable-next-line import/first -- kept beside the DNS part of the contract on purpose
import type { DnsRecord } from '#shared/dns/types'

export { DNS_RECORD_TYPES } from '#shared/dns/types'
export type { DnsRecord, DnsRecordType } from '#shared/dns/types'

export interface DnsSnapshot { id: string, reason: string | null, createdAt: string, records?: DnsRecord[] }

export interface Domain {
  name: string
  registrar: string | null
  status: string
  expires_at: string | null
  auto_renew: boolean
  locked: boolean
  privacy_protection: boolean
  nameservers: string[]
  extra?: unknown
}
export interface DomainAvailability { domain: string, available: boolean, price?: number, currency?: string }
export interface DomainPurchaseInput {
  domain: string
  period?: number
  auto_renew?: boolean
  privacy_protection?: boolean
  payment_method_id?: string
}

export interface UpstreamSshKey { id: string, name: string, fingerprint: string | null, public_key: string | null }

export interface Balance { amount: number, currency: string, monthlyUsage?: number | null, monthlyEstimate?: number | null, todayUsage?: number | null, extra?: unknown }
export interface UsageLimit { resource: string, used: number | null, limit: number | null, unit?: string | null }
/** The seed's subscription, plus the provider's own record for the detail routes. */
export interface Subscription extends SubscriptionOut { extra?: unknown }
export interface PaymentMethod { id: string, name: string, isDefault: boolean, extra?: unknown }
export interface UpstreamOrder { id: string, number: string | null, amount: number | null, currency: string | null, status: string, cancellable: boolean, extra?: unknown }

/**
 * A successful connection test: `message` in English, and the same as `code` + `params` for pages
 * that translate it (`provider.test.<code>`; codes in shared/providers/connection.ts).
 */
export interface ConnectionResult { message: string, version?: string, code: ConnectionCode, params: ConnectionParams }

// ---------- console and firewalls ----------

export type ConsoleType = 'vnc' | 'link'
/** A way into the server's screen: a VNC websocket (noVNC) or a sign-in link to the provider's own console. */
export interface ConsoleSession {
  type: ConsoleType
  /** `ws(s)://…` for vnc, `http(s)://…` for link. */
  url: string
  expiresAt: string | null
  /** The VNC password the websocket's server asks for (vnc only). */
  password: string | null
}

export const FIREWALL_PROTOCOLS = ['TCP', 'UDP', 'ICMP', 'GRE', 'any', 'ESP', 'AH', 'ICMPv6', 'SSH', 'HTTP', 'HTTPS', 'MySQL', 'PostgreSQL'] as const
export type FirewallProtocol = (typeof FIREWALL_PROTOCOLS)[number]
export interface FirewallRule { id: string, action: string, protocol: string, port: string, source: string, sourceDetail: string }
export interface FirewallRuleInput { protocol: FirewallProtocol, port: string, source: 'any' | 'custom', sourceDetail: string }
/** An account-level firewall (Hostinger): rules, and whether its VMs run the latest rules. */
export interface Firewall { id: string, name: string, synced: boolean, rules: FirewallRule[], createdAt: string | null, updatedAt: string | null, /** Upstream ids of the VMs it is active on. */ vmIds: string[] }
/** A server's own interface firewall (VirtFusion): on/off and the rulesets applied. */
export interface ServerFirewall { interface: string, enabled: boolean, rules: unknown[], extra?: unknown }
export interface ServerFirewallInput { interface: string, enabled?: boolean, rulesets?: number[] }
/**
 * `actionId`: the provider's id for a change it carries out over time (its action log names it).
 * `message` is in English; `code` + `params` say the same for pages that translate it
 * (`actionResult.<code>`; shared/providers/action-results.ts, built with `resultMessage`).
 */
export interface ActionResult { status: string, message?: string, code?: ActionResultCode, params?: ActionResultParams, actionId?: string }

// ---------- day-2 operations on one server ----------

/** One sample of a server's usage; a series the provider does not keep is null. */
export interface MetricPoint {
  /** ISO time of the sample. */
  t: string
  cpuPercent: number | null
  memoryMb: number | null
  diskMb: number | null
  netInBytes: number | null
  netOutBytes: number | null
}
export interface ServerMetrics { series: MetricPoint[], uptimeS: number | null }

/** A point-in-time copy of the disk kept by the provider. */
export interface ServerSnapshot { id: string, createdAt: string | null, expiresAt: string | null, restoreTimeS: number | null }
export interface ServerBackup { id: string, createdAt: string | null, sizeBytes: number | null, location: string | null, restoreTimeS: number | null }

/** One entry of the provider's own action log for a server. */
export interface ProviderAction {
  id: string
  name: string
  /** Our word: done, failed, running. */
  state: 'done' | 'failed' | 'running'
  rawState: string
  createdAt: string | null
  updatedAt: string | null
}

export interface HostSettingsInput { hostname?: string, nameservers?: string[] }

/** Which network interface an address change is on (VirtFusion: `primary` or `secondary`). */
export type NetworkInterface = 'primary' | 'secondary'
/** Add addresses: a number of free ones the provider picks, or the named ones. */
export type IpAddInput = { interface: NetworkInterface, quantity: number } | { interface: NetworkInterface, addresses: string[] }
/** The server's backup plan as the provider names it (null: none). */
export interface BackupPlan { id: string, name: string | null }
