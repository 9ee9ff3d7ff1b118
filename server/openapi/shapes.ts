/** Answer shapes several route groups share (what the services return, as JSON). */
import { z } from 'zod'
import { DNS_RECORD_TYPES } from '#shared/dns/types'
import { isoDate, obj, uuid } from './define'

export const publicUser = obj({
  id: uuid,
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'customer']),
  disabled: z.boolean(),
  createdAt: isoDate,
  lastLoginAt: isoDate.nullable(),
}).meta({ id: 'User' })

export const personRef = obj({ id: uuid, name: z.string(), email: z.string().optional() })

const capability = obj({ supported: z.boolean(), note: z.string().optional() })
export const capabilities = z.record(z.string(), capability).meta({ id: 'Capabilities', description: 'What an account can do, per capability group (servers, power, dns, domains, sshKeys, billing, …)' })

const fieldSupport = obj({ hostname: z.boolean(), password: z.boolean(), sshKeys: z.boolean(), maxSshKeys: z.number().int().optional(), dryRun: z.boolean() })
const planMappingField = obj({
  key: z.string(), label: z.string(), help: z.string().optional(), kind: z.enum(['number', 'text', 'choice']),
  choices: z.array(obj({ value: z.string(), label: z.string() })).optional(), default: z.string().optional(), optional: z.boolean().optional(),
  when: obj({ key: z.string(), value: z.string() }).optional(),
  catalog: obj({ list: z.enum(['plans', 'datacenters', 'templates']), what: z.string() }).optional(),
  role: z.enum(['plan', 'template']).optional(),
})
/** shared/providers/facts.ts `ProviderFacts`. */
export const providerFacts = obj({
  look: obj({ label: z.string(), color: z.string(), icon: z.string(), iconPath: z.string().meta({ description: 'The icon\'s SVG path' }) }),
  create: fieldSupport.extend({ needsCredential: z.string().optional() }),
  reinstall: fieldSupport,
  passwordRule: obj({ minLength: z.number().int(), classes: z.array(z.enum(['lower', 'upper', 'digit'])), hint: z.string(), message: z.string() }).nullable(),
  hardPowerOff: z.boolean(),
  deleteDelay: obj({ min: z.number().int(), max: z.number().int() }).nullable().meta({ description: 'Minutes a deletion can be delayed by; null: deleting is immediate' }),
  rootPassword: obj({ mode: z.enum(['reveal', 'reset', 'none']), note: z.string().optional() }),
  installStep: z.boolean().meta({ description: 'Whether a create leaves an install step to do' }),
  rawStates: obj({ awaitingInstall: z.array(z.string()), awaitingProvider: z.array(z.string()) }),
  createEvidence: z.enum(['marker', 'hostname', 'none']),
  destroy: obj({ label: z.string(), question: z.string(), text: z.string(), onlyWhen: z.array(z.string()).optional() }),
  resizeDisk: z.boolean(),
  noAddresses: z.string().optional(),
  region: obj({ label: z.string(), hint: z.string().optional(), optional: z.boolean() }),
  planMapping: obj({ fields: z.array(planMappingField), templatesByPlan: z.boolean() }),
  customerUserSetting: z.string().optional(),
}).meta({ id: 'ProviderFacts', description: 'What a provider kind can and cannot do beyond its capabilities: fields, rules, raw words, look' })

/** An account as GET /api/hosting/providers lists it: the seed's `{ name, display_name, connected }` plus ours. */
export const providerAccount = obj({
  name: z.string().meta({ description: 'The account slug used in every /api/hosting/providers/{provider} path' }),
  display_name: z.string(),
  connected: z.boolean(),
  id: uuid.optional(),
  slug: z.string().optional(),
  type: z.string().optional(),
  provider_display_name: z.string().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  credentials: obj({ api_key: z.string().nullable().optional(), api_secret: z.string().nullable().optional() }).optional().meta({ description: 'Masked, never the secret' }),
  capabilities: capabilities.optional(),
  last_test: obj({ ok: z.boolean().nullable(), message: z.string().nullable(), at: isoDate }).nullable().optional(),
}).meta({ id: 'ProviderAccount' })

export const dnsRecord = obj({
  id: z.string().optional(),
  type: z.enum(DNS_RECORD_TYPES),
  name: z.string(),
  content: z.string(),
  ttl: z.number(),
  priority: z.number().nullable().optional(),
}).meta({ id: 'DnsRecord' })

export const dnsPlan = obj({
  adds: z.array(dnsRecord),
  changes: z.array(obj({ before: dnsRecord, after: dnsRecord })),
  deletes: z.array(dnsRecord),
  unchanged: z.number().int(),
  zone_size: z.number().int(),
  summary: z.string(),
}).meta({ id: 'DnsPlan', description: 'What a change does to the live zone' })

/** DNS writes: the seed's `{ status }`, plus the plan; `status: planned` for a dry run. */
export const dnsChangeAnswer = (status: string) => obj({
  status: z.enum([status, 'planned']),
  plan: dnsPlan,
  changed: z.boolean().optional(),
  destructive: z.boolean().optional(),
  snapshot_id: z.string().optional(),
  note: z.string().optional(),
})

/** The seed's domain shape. */
export const domain = obj({
  name: z.string(),
  registrar: z.string().nullable().optional(),
  status: z.string(),
  expires_at: isoDate.nullable(),
  auto_renew: z.boolean(),
  locked: z.boolean(),
  privacy_protection: z.boolean(),
  nameservers: z.array(z.string()),
}).meta({ id: 'Domain' })

/** The seed's VM shape. */
export const seedVm = obj({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  plan: z.string().nullable().optional(),
  region: z.string().nullable().optional(),
  ipv4: z.string().nullable().optional(),
  ipv6: z.string().nullable().optional(),
  os: z.string().nullable().optional(),
  cpus: z.number().nullable().optional(),
  memory_mb: z.number().nullable().optional(),
  disk_gb: z.number().nullable().optional(),
  bandwidth_gb: z.number().nullable().optional(),
  created_at: isoDate.nullable().optional(),
  labels: z.record(z.string(), z.string()).optional(),
}).meta({ id: 'Vm' })

export const server = obj({
  id: uuid,
  account: obj({ slug: z.string(), type: z.string(), display_name: z.string() }),
  upstream_id: z.string(),
  name: z.string(),
  hostname: z.string().nullable(),
  status: z.string(),
  ipv4: z.array(z.string()),
  ipv6: z.array(z.string()),
  os: z.string().nullable(),
  vcpus: z.number().nullable(),
  memory_mb: z.number().nullable(),
  disk_gb: z.number().nullable(),
  region: z.string().nullable(),
  plan: z.string().nullable(),
  owner: personRef.nullable(),
  created_at: isoDate.nullable(),
  gone: z.boolean(),
  admin_locked: z.boolean(),
  detail_error: z.string().nullable().meta({ description: 'Set when the last sync listed this server but could not read its details from the provider; the other fields are the last known data' }),
  detail_error_at: isoDate.nullable().meta({ description: 'When the details last failed to read' }),
  capabilities,
}).meta({ id: 'Server', description: 'A server in our inventory (synced from its account)' })

/** A row of the servers list: lean, its account's capabilities come once in the answer's `accounts`. */
export const serverListItem = server.omit({ capabilities: true }).meta({ id: 'ServerListItem', description: 'A server in the list (capabilities per account, in `accounts`)' })

export const upstreamSshKey = obj({ id: z.string(), name: z.string(), fingerprint: z.string().nullable(), public_key: z.string().nullable() }).meta({ id: 'ProviderSshKey' })

export const keychainKey = obj({
  id: uuid,
  name: z.string(),
  type: z.string(),
  fingerprint: z.string(),
  public_key: z.string().optional(),
}).meta({ id: 'SshKey', description: 'A key in the caller\'s keychain, with where it is present upstream' })

export const order = obj({
  id: uuid,
  status: z.enum(['pending', 'running', 'completed', 'failed', 'cancelled']),
  plan: obj({ id: uuid, name: z.string(), price_text: z.string().nullable() }),
  hostname: z.string(),
  template: z.string().nullable(),
  current_step: z.string().nullable(),
  error: z.string().nullable(),
  server_id: uuid.nullable(),
  created_at: isoDate,
}).meta({ id: 'Order' })

export const plan = obj({ id: uuid, name: z.string(), description: z.string().nullable().optional(), price_text: z.string().nullable().optional() }).meta({ id: 'Plan' })

export const template = obj({ id: z.string(), name: z.string() }).meta({ id: 'Template' })

export const apiToken = obj({
  id: uuid,
  name: z.string(),
  prefix: z.string(),
  createdAt: isoDate,
  lastUsedAt: isoDate.nullable(),
  expiresAt: isoDate.nullable(),
  revokedAt: isoDate.nullable(),
  scope: z.enum(['read', 'write']).optional(),
}).meta({ id: 'ApiToken' })

export const notification = obj({ id: uuid, level: z.string(), title: z.string(), body: z.string().nullable(), link: z.string().nullable(), readAt: isoDate.nullable(), createdAt: isoDate }).meta({ id: 'Notification' })
