/** The servers inventory and the create wizard's catalog, as the API answers them. */
import { z } from 'zod'
import { accountRef, capabilities, ownerRef } from './common'
import { isoDate, obj, uuid, type View } from './define'
import { providerFacts } from './providers'

/** Our one status vocabulary (each provider's own word is in `raw_status`). */
const SERVER_STATUSES = ['running', 'stopped', 'pending', 'rebooting', 'suspended', 'error', 'unknown'] as const

export const server = obj({
  id: uuid,
  account: accountRef.optional().meta({ description: 'Admins only: the provider account (customers never see the upstream)' }),
  upstream_id: z.string().optional().meta({ description: 'Admins only: the provider\'s id' }),
  name: z.string(),
  hostname: z.string().nullable(),
  status: z.enum(SERVER_STATUSES),
  raw_status: z.string().nullable().meta({ description: 'The provider\'s own status word (customers: only `recovery`, else null)' }),
  ipv4: z.array(z.string()),
  ipv6: z.array(z.string()),
  os: z.string().nullable(),
  vcpus: z.number().nullable(),
  memory_mb: z.number().nullable(),
  disk_gb: z.number().nullable(),
  region: z.string().nullable(),
  plan: z.string().nullable(),
  owner: ownerRef.nullable(),
  created_at: isoDate.nullable(),
  gone: z.boolean(),
  gone_at: isoDate.nullable(),
  admin_locked: z.boolean(),
  lock_reason: z.string().nullable(),
  last_synced_at: isoDate.nullable(),
  detail_error: z.string().nullable().meta({ description: 'Set when the last sync listed this server but could not read its details from the provider; the other fields are the last known data' }),
  detail_error_at: isoDate.nullable().meta({ description: 'When the details last failed to read' }),
  capabilities,
  needs_install: z.boolean().meta({ description: 'The server exists but has no OS yet: reinstall is the way on' }),
  extra: z.unknown().optional().meta({ description: 'Admins only: the raw upstream record' }),
  facts: providerFacts.optional().meta({ description: 'Customers only: what the server allows (fields, rules), resolved without the provider\'s words' }),
}).meta({ id: 'Server', description: 'A server in our inventory (synced from its account)' })
export type ServerView = View<typeof server>

/** A row of the servers list: lean, its account's capabilities come once in the answer's `accounts`. */
export const serverListItem = server.omit({ capabilities: true, extra: true }).extend({
  capabilities: capabilities.optional().meta({ description: 'Customers only (their answer has no `accounts`): what the server allows' }),
}).meta({ id: 'ServerListItem', description: 'A server in the list (capabilities per account, in `accounts`)' })

/** An account with how fresh its part of the inventory is (admins get every account). */
export const accountFreshness = accountRef.extend({
  last_success_at: isoDate.nullable(),
  last_attempt_at: isoDate.nullable(),
  last_error: z.string().nullable(),
  stale: z.boolean(),
  server_count: z.number().int(),
  capabilities,
})
export type AccountFreshness = View<typeof accountFreshness>

/** `accounts`: every account with its freshness (admins), or the page's accounts (customers). */
export const serverList = obj({
  items: z.array(serverListItem),
  total: z.number().int(),
  page: z.number().int(),
  per_page: z.number().int(),
  next_cursor: z.string().nullable(),
  accounts: z.array(accountFreshness.partial().extend(accountRef.shape)),
})
export type ServerList = View<typeof serverList>

/** A plan an account sells, as the create wizard and resize offer it. */
export const planOffer = obj({
  id: z.string(),
  name: z.string(),
  vcpus: z.number().nullable(),
  memory_mb: z.number().nullable(),
  disk_gb: z.number().nullable(),
  price: z.number().nullable(),
  currency: z.string().nullable(),
  period: z.string().nullable(),
  region: z.string().nullable().optional(),
}).meta({ id: 'PlanOffer' })
export type PlanOffer = View<typeof planOffer>

export const osTemplate = obj({ id: z.string(), name: z.string(), family: z.string().nullable().optional() }).meta({ id: 'Template' })
export type OsTemplate = View<typeof osTemplate>

export const datacenter = obj({ id: z.string(), name: z.string(), location: z.string().nullable(), country: z.string().nullable() }).meta({ id: 'Datacenter' })
export type DatacenterView = View<typeof datacenter>
