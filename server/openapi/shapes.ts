/** Answer shapes several route groups share (what the services return, as JSON). */
import { z } from 'zod'
import { capabilities } from '#shared/schemas/common'
import { isoDate, obj, uuid } from './define'

// The shapes the browser reads too live in shared/schemas (one contract for both sides).
export { capabilities, personRef } from '#shared/schemas/common'
export { publicUser } from '#shared/schemas/users'
export { dnsChangeAnswer, dnsRecord } from '#shared/schemas/dns'
export { domain } from '#shared/schemas/domains'
export { osTemplate as template, server } from '#shared/schemas/servers'

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

export const upstreamSshKey = obj({ id: z.string(), name: z.string(), fingerprint: z.string().nullable(), public_key: z.string().nullable() }).meta({ id: 'ProviderSshKey' })

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
