/**
 * /api/hosting/providers/{provider}: the seed's contract (seed 002, "API Reference"), described
 * as that document describes it (`{provider}` is the account's name: `hostinger`, or any slug an
 * admin gave it), plus our extensions.
 */
import { z } from 'zod'
import { providerOrderParams, providerSshKeyParams, providerTemplatesQuery, vmActionParams, vmParams } from '#server/schemas/hosting'
import { configureBodySchema } from '#server/services/provider-accounts'
import { deleteQuery, seedCreateBody } from '#server/services/servers/schemas'
import { providerParam } from '#server/utils/provider-param'
import { sshKeyInputSchema } from '#shared/ssh'
import { defineRoutes, obj, statusAnswer } from '../define'
import { seedVm, template, upstreamSshKey } from '../shapes'
import { providerAccount, providerFactsEntry, providerKind } from '#shared/schemas/providers'
import { datacenter, planOffer } from '#shared/schemas/servers'

const NOT_SUPPORTED = { 501: 'The provider does not support this (`ErrNotSupported`, `code: not_supported`)' }

export default defineRoutes('Providers (seed API)', 'Provider accounts and the per-account routes of the seed\'s REST contract: VMs, data centers, SSH keys, billing', [
  {
    method: 'get', path: '/api/hosting/providers', access: 'admin', summary: 'List provider accounts',
    description: 'Seed: `[{ name, display_name, connected }]`; we add type, capabilities, masked credentials and the last connection test.',
    answers: { 200: { description: 'Accounts', schema: z.array(providerAccount) } },
  },
  {
    method: 'get', path: '/api/hosting/provider-types', access: 'admin', summary: 'Provider kinds: credential fields, settings, capabilities, facts',
    answers: { 200: { description: 'One entry per provider kind', schema: z.array(providerKind) } },
  },
  {
    method: 'get', path: '/api/hosting/provider-facts', access: 'user', summary: 'Provider kinds\' facts: fields, rules and look the pages read',
    description: 'The `facts` of GET /api/hosting/provider-types, for any signed-in user: create/reinstall fields, password rule, hard power-off, delete delay, root password, plan mapping fields, display look.',
    answers: { 200: { description: 'One entry per provider kind', schema: z.array(providerFactsEntry) } },
  },
  {
    method: 'post', path: '/api/hosting/providers/{provider}/configure', access: 'admin', summary: 'Set an account\'s credentials (creates the account the first time)',
    description: 'Seed: `{ "api_key": "…" }` → `{ "status": "configured" }`. A new account needs `type` unless `{provider}` names a provider kind.',
    params: providerParam, body: configureBodySchema,
    answers: {
      200: { description: 'Updated', schema: obj({ status: z.literal('configured'), provider: providerAccount }) },
      201: { description: 'Created', schema: obj({ status: z.literal('configured'), provider: providerAccount }) },
    },
  },
  { method: 'get', path: '/api/hosting/providers/{provider}', access: 'admin', summary: 'One provider account', params: providerParam, answers: { 200: { description: 'The account', schema: providerAccount } } },
  { method: 'delete', path: '/api/hosting/providers/{provider}', access: 'admin', summary: 'Remove an account and its saved credentials', params: providerParam, answers: { 200: { description: 'Seed: `{ "status": "deleted" }`', schema: statusAnswer('deleted') } } },
  {
    method: 'post', path: '/api/hosting/providers/{provider}/test', access: 'admin', summary: 'Test the saved credentials with a real call',
    params: providerParam,
    answers: { 200: { description: 'Seed: `{ "status": "ok", "message": "Connection successful" }`', schema: obj({
      status: z.literal('ok'),
      message: z.string(),
      version: z.string().optional(),
      code: z.string().meta({ description: 'The outcome as a code (`connected`, `connected_version`, `connected_balance`, …), for clients that translate' }),
      params: z.record(z.string(), z.union([z.string(), z.number()])).meta({ description: 'The specifics of `message`' }),
    }) } },
    errors: { 502: 'The provider refused the credentials (`code: provider_auth`) or failed' },
  },
  {
    method: 'get', path: '/api/hosting/providers/{provider}/vms', access: 'user', summary: 'List virtual machines',
    description: 'Seed shape. Customers see the servers they own.',
    params: providerParam, answers: { 200: { description: 'VMs', schema: z.array(seedVm) } },
  },
  {
    method: 'post', path: '/api/hosting/providers/{provider}/vms', access: 'admin', summary: 'Create a VM (exactly once per Idempotency-Key)',
    params: providerParam, body: seedCreateBody, idempotencyKey: 'optional',
    answers: {
      201: { description: 'Seed: the new VM (`status: creating`)', schema: seedVm },
      200: { description: 'The same key again: the first answer', schema: seedVm },
      202: { description: 'A lost answer still being looked up upstream', schema: obj({ status: z.string(), intent: obj({ id: z.string() }) }) },
    },
    errors: { 422: 'The key was used with another body', ...NOT_SUPPORTED },
  },
  { method: 'get', path: '/api/hosting/providers/{provider}/vms/{id}', access: 'user', summary: 'One VM (`{id}` is the provider\'s id)', params: vmParams, answers: { 200: { description: 'Seed: same shape as a list item', schema: seedVm } } },
  { method: 'delete', path: '/api/hosting/providers/{provider}/vms/{id}', access: 'admin', summary: 'Delete a VM', params: vmParams, query: deleteQuery, answers: { 200: { description: 'Deleted or scheduled', schema: obj({ status: z.string(), message: z.string().optional() }) } }, errors: NOT_SUPPORTED },
  {
    method: 'post', path: '/api/hosting/providers/{provider}/vms/{id}/{action}', access: 'user', summary: 'start, stop, restart, suspend, unsuspend, resize (admins), reinstall',
    description: '`resize` takes `{ plan, resize_disk? }`; `reinstall` takes `{ template, ssh_keys?, password?, hostname?, dry_run? }`; the others no body.',
    params: vmActionParams,
    answers: { 200: { description: 'Done', schema: obj({ status: z.string(), message: z.string().optional() }) } },
    errors: { 409: 'Not possible in the VM\'s state', ...NOT_SUPPORTED },
  },
  {
    method: 'get', path: '/api/hosting/providers/{provider}/datacenters', access: 'admin', summary: 'Regions / data centers for VM creation',
    params: providerParam, answers: { 200: { description: 'Seed: `[{ id, name, location, country }]`', schema: z.array(datacenter) } }, errors: NOT_SUPPORTED,
  },
  {
    method: 'get', path: '/api/hosting/providers/{provider}/plans', access: 'admin', summary: 'VM plans the account sells',
    params: providerParam, answers: { 200: { description: 'Plans', schema: z.array(planOffer) } }, errors: NOT_SUPPORTED,
  },
  {
    method: 'get', path: '/api/hosting/providers/{provider}/templates', access: 'admin', summary: 'OS templates (optionally for one plan)',
    params: providerParam, query: providerTemplatesQuery, answers: { 200: { description: 'Templates', schema: z.array(template) } }, errors: NOT_SUPPORTED,
  },
  {
    method: 'get', path: '/api/hosting/providers/{provider}/ssh-keys', access: 'admin', summary: 'SSH keys stored at the provider',
    params: providerParam, answers: { 200: { description: 'Seed: `[{ id, name, fingerprint, public_key }]`', schema: z.array(upstreamSshKey) } }, errors: NOT_SUPPORTED,
  },
  {
    method: 'post', path: '/api/hosting/providers/{provider}/ssh-keys', access: 'admin', summary: 'Add an SSH key at the provider',
    description: 'Body `{ name?, public_key }`: the key is parsed first (a private key, a weak or malformed key is a 400 with the reason).',
    params: providerParam, body: sshKeyInputSchema,
    answers: { 201: { description: 'Seed: the key', schema: upstreamSshKey } }, errors: NOT_SUPPORTED,
  },
  { method: 'delete', path: '/api/hosting/providers/{provider}/ssh-keys/{id}', access: 'admin', summary: 'Delete an SSH key at the provider', params: providerSshKeyParams, answers: { 200: { description: 'Seed: `{ "status": "deleted" }`', schema: statusAnswer('deleted') } }, errors: NOT_SUPPORTED },
  {
    method: 'get', path: '/api/hosting/providers/{provider}/subscriptions', access: 'admin', summary: 'Subscriptions and renewals',
    params: providerParam, answers: { 200: { description: 'Seed shape', schema: z.array(obj({ id: z.string(), name: z.string(), status: z.string(), plan: z.string().nullable(), price: z.number().nullable(), currency: z.string().nullable(), renews_at: z.string().nullable(), created_at: z.string().nullable() })) } }, errors: NOT_SUPPORTED,
  },
  {
    method: 'get', path: '/api/hosting/providers/{provider}/catalog', access: 'admin', summary: 'Product catalog',
    params: providerParam, answers: { 200: { description: 'Seed shape', schema: z.array(obj({ id: z.string(), name: z.string(), category: z.string(), price_cents: z.number().nullable(), currency: z.string().nullable(), period: z.string().nullable(), description: z.string().nullable() })) } }, errors: NOT_SUPPORTED,
  },
  {
    method: 'get', path: '/api/hosting/providers/{provider}/balance', access: 'admin', summary: 'Account balance per currency',
    params: providerParam, answers: { 200: { description: 'Balances', schema: z.array(obj({ amount: z.number(), currency: z.string(), monthly_usage: z.number().nullable(), monthly_estimate: z.number().nullable(), today_usage: z.number().nullable() })) } }, errors: NOT_SUPPORTED,
  },
  {
    method: 'get', path: '/api/hosting/providers/{provider}/limits', access: 'admin', summary: 'Usage against the account\'s limits',
    params: providerParam, answers: { 200: { description: 'Limits', schema: z.array(obj({ resource: z.string(), used: z.number().nullable(), limit: z.number().nullable(), unit: z.string().nullable() })) } }, errors: NOT_SUPPORTED,
  },
  {
    method: 'get', path: '/api/hosting/providers/{provider}/payment-methods', access: 'admin', summary: 'Payment methods on file',
    params: providerParam, answers: { 200: { description: 'Payment methods', schema: z.array(obj({ id: z.string(), name: z.string(), is_default: z.boolean() })) } }, errors: NOT_SUPPORTED,
  },
  {
    method: 'get', path: '/api/hosting/providers/{provider}/orders', access: 'admin', summary: 'Orders at the provider (pending payment and past)',
    params: providerParam, answers: { 200: { description: 'Orders', schema: z.array(obj({ id: z.string(), number: z.string().nullable(), amount: z.number().nullable(), currency: z.string().nullable(), status: z.string(), cancellable: z.boolean() })) } }, errors: NOT_SUPPORTED,
  },
  { method: 'delete', path: '/api/hosting/providers/{provider}/orders/{id}', access: 'admin', summary: 'Cancel an unpaid order at the provider', params: providerOrderParams, answers: { 200: { description: 'Cancelled', schema: statusAnswer('cancelled') } }, errors: { 409: 'The order cannot be cancelled', ...NOT_SUPPORTED } },
  { method: 'get', path: '/api/hosting/sandbox', access: 'admin', summary: 'Whether the simulated providers are enabled', answers: { 200: { description: 'State', schema: obj({ enabled: z.boolean() }) } } },
  {
    method: 'post', path: '/api/hosting/sandbox/connect', access: 'admin', summary: 'Connect one simulated account per provider kind',
    answers: { 200: { description: 'Connected', schema: obj({ status: z.literal('connected'), accounts: z.array(obj({ slug: z.string(), type: z.string() })) }) } },
    errors: {
      404: 'The sandbox is off (`code: sandbox_disabled`)',
      503: 'No sandbox to reach (`code: sandbox_unavailable`): a production build has no built-in one, so it needs SANDBOX_URL',
    },
  },
])
