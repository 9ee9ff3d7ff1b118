/**
 * The one Drizzle schema (PostgreSQL dialect; runs on PGlite and PostgreSQL alike).
 * Keys are camelCase, columns snake_case.
 */
import { sql } from 'drizzle-orm'
import {
  bigint, bigserial, boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core'
import type { ProviderType } from '../providers/types'
import { BILLING_CYCLES, INVOICE_STATUSES } from '../../shared/schemas/invoices'

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`)
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['admin', 'customer'] }).notNull().default('customer'),
  disabled: boolean('disabled').notNull().default(false),
  /** A stable number for upstreams that key their users by integer (VirtFusion's extRelationId). */
  customerNumber: integer('customer_number').generatedByDefaultAsIdentity(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  /** TOTP secret, AES-256-GCM like provider credentials (see services/totp.ts); set at setup, live once enabled. */
  totpSecretCiphertext: text('totp_secret_ciphertext'),
  totpKeyId: text('totp_key_id'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** RFC 6238 time step of the last accepted code: a code works once (no replay within its 30 s). */
  totpLastStep: integer('totp_last_step'),
  /** The panel language the user chose ('en', 'ru'); null until chosen (the browser's language applies). */
  locale: text('locale'),
  /** Billing (services/invoicing): admin-set credit terms (provision before payment) and the customer's billing profile. */
  creditTerms: boolean('credit_terms').notNull().default(false),
  billingCountry: text('billing_country'),
  vatId: text('vat_id'),
  company: text('company'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, t => [uniqueIndex('users_email_unique').on(t.email)])

/** A browser sign-in. The sealed cookie carries only this id; revoking the row ends the session. */
export const sessions = pgTable('sessions', {
  id: id(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  /** Last time the password (or a TOTP code) was typed in this session: secrets need it recent. */
  reauthAt: timestamp('reauth_at', { withTimezone: true }).notNull().defaultNow(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /** An admin signed in as this customer ("sign in as"): who, and the admin's own session to return to. */
  impersonatorId: uuid('impersonator_id').references(() => users.id, { onDelete: 'cascade' }),
  returnSessionId: uuid('return_session_id'),
}, t => [index('sessions_user_idx').on(t.userId)])

/** One-time 2FA recovery codes, stored as sha256 (random values, so no salt needed). */
export const recoveryCodes = pgTable('recovery_codes', {
  id: id(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  codeHash: text('code_hash').notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
}, t => [index('recovery_codes_user_idx').on(t.userId)])

/** Instance-wide switches an admin sets in the UI (e.g. require 2FA for admins). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
})

/** rate-limiter-flexible's store (login throttling), shared by every app instance. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: timestamp('expire', { withTimezone: true }),
})

export const apiTokens = pgTable('api_tokens', {
  id: id(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  /** First characters of the token, shown so a user can tell tokens apart. */
  prefix: text('prefix').notNull(),
  /** `read` tokens may only GET; `write` may do what the user may. */
  scope: text('scope', { enum: ['read', 'write'] }).notNull().default('write'),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: createdAt(),
}, t => [uniqueIndex('api_tokens_hash_unique').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)])

export const providerAccounts = pgTable('provider_accounts', {
  id: id(),
  slug: text('slug').notNull(),
  /** Checked against the provider registry by the provider-accounts service (a plain text column: no list to keep here). */
  type: text('type').$type<ProviderType>().notNull(),
  displayName: text('display_name').notNull(),
  /** AES-256-GCM envelope: base64(iv | tag | ciphertext) of the JSON credentials. */
  credentialsCiphertext: text('credentials_ciphertext').notNull(),
  credentialsKeyId: text('credentials_key_id').notNull(),
  /** Non-secret settings (the seed's `extra`): base_url, cid, user_id, … */
  settings: jsonb('settings').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
  lastTestOk: boolean('last_test_ok'),
  lastTestMessage: text('last_test_message'),
  /** The test's outcome as a code and its specifics, for pages that translate it (shared/providers/connection.ts). */
  lastTestCode: text('last_test_code'),
  lastTestParams: jsonb('last_test_params').$type<Record<string, string | number>>(),
  lastTestAt: timestamp('last_test_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, t => [uniqueIndex('provider_accounts_slug_unique').on(t.slug)])

export const notifications = pgTable('notifications', {
  id: id(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  level: text('level', { enum: ['info', 'success', 'warning', 'error'] }).notNull().default('info'),
  title: text('title').notNull(),
  body: text('body'),
  link: text('link'),
  /** Same key, same user: one notice, not a pile (a failing sync every five minutes). */
  dedupeKey: text('dedupe_key'),
  /**
   * What happened (server/services/alerts/kinds.ts) and its facts: the reader's language renders
   * them (i18n/locales/<lang>/alerts.json). Older rows have no kind; title/body are the English text.
   */
  kind: text('kind'),
  params: jsonb('params').$type<Record<string, string | number>>(),
  readAt: timestamp('read_at', { withTimezone: true }),
  createdAt: createdAt(),
}, t => [index('notifications_user_idx').on(t.userId, t.createdAt), uniqueIndex('notifications_dedupe_unique').on(t.userId, t.dedupeKey)])

/** Which alert kinds reach a user on which channel; only choices that differ from the defaults are stored. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  inApp: boolean('in_app').notNull(),
  email: boolean('email').notNull(),
}, t => [primaryKey({ columns: [t.userId, t.kind] })])

/**
 * The last time an alert with this key went out by e-mail and webhook: a failing sync every five
 * minutes refreshes its in-app notice but mails once a day, and a once-only alert (a domain
 * crossing 7 days) goes out once ever.
 */
export const alertSends = pgTable('alert_sends', {
  dedupeKey: text('dedupe_key').primaryKey(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
})

/** An admin-configured URL that receives alerts as signed JSON (services/alerts/webhooks.ts). */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: id(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  /** The HMAC secret, AES-256-GCM like provider credentials (aad "webhook:<id>"). */
  secretCiphertext: text('secret_ciphertext').notNull(),
  secretKeyId: text('secret_key_id').notNull(),
  /** Kinds sent here; empty = every kind. */
  kinds: jsonb('kinds').$type<string[]>().notNull().default([]),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

/** One alert to one endpoint: its attempts and the last answer. */
export const webhookDeliveries = pgTable('webhook_deliveries', {
  id: id(),
  endpointId: uuid('endpoint_id').notNull().references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull(),
  responseStatus: integer('response_status'),
  lastError: text('last_error'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, t => [index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt)])

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  action: text('action').notNull(),
  target: text('target'),
  details: jsonb('details').$type<Record<string, unknown>>(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  /** 'success', or 'failure' for refused attempts (a wrong password). */
  result: text('result', { enum: ['success', 'failure'] }).notNull().default('success'),
  createdAt: createdAt(),
}, t => [index('audit_log_created_idx').on(t.createdAt), index('audit_log_user_idx').on(t.userId)])

// ---------- servers ----------

export const servers = pgTable('servers', {
  id: id(),
  accountId: uuid('account_id').notNull().references(() => providerAccounts.id, { onDelete: 'cascade' }),
  upstreamId: text('upstream_id').notNull(),
  name: text('name').notNull(),
  hostname: text('hostname'),
  status: text('status').notNull().default('unknown'),
  rawStatus: text('raw_status'),
  ipv4: jsonb('ipv4').$type<string[]>().notNull().default([]),
  ipv6: jsonb('ipv6').$type<string[]>().notNull().default([]),
  os: text('os'),
  vcpus: integer('vcpus'),
  memoryMb: integer('memory_mb'),
  diskGb: integer('disk_gb'),
  region: text('region'),
  plan: text('plan'),
  ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
  upstreamCreatedAt: timestamp('upstream_created_at', { withTimezone: true }),
  extra: jsonb('extra'),
  /** Gone upstream: kept, never silently deleted. */
  goneAt: timestamp('gone_at', { withTimezone: true }),
  /** Locked by an admin (suspension where the provider has none): the customer cannot start it. */
  adminLockedAt: timestamp('admin_locked_at', { withTimezone: true }),
  adminLockReason: text('admin_lock_reason'),
  lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }),
  /**
   * The last sync listed this server but could not read its details (the row keeps the last
   * known data): why and when. Cleared by the next full read.
   */
  detailError: text('detail_error'),
  detailErrorAt: timestamp('detail_error_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  /**
   * Everything the list's `q` searches, lower-cased in one column: one trigram index
   * (servers_search_trgm_idx, hand-written migration) serves the search.
   */
  searchText: text('search_text').generatedAlwaysAs(sql`lower(name || ' ' || coalesce(hostname, '') || ' ' || upstream_id || ' ' || coalesce(plan, '') || ' ' || coalesce(region, '') || ' ' || coalesce(os, '') || ' ' || ipv4::text || ' ' || ipv6::text)`),
}, t => [
  uniqueIndex('servers_account_upstream_unique').on(t.accountId, t.upstreamId),
  // The list's sort orders (keyset pages walk these), alone and under its usual filters.
  index('servers_name_sort_idx').on(sql`lower(${t.name})`, t.id),
  index('servers_owner_name_idx').on(t.ownerId, sql`lower(${t.name})`, t.id),
  index('servers_status_name_idx').on(t.status, sql`lower(${t.name})`, t.id),
  index('servers_created_sort_idx').on(sql`coalesce(${t.upstreamCreatedAt}, ${t.createdAt})`, t.id),
])

/**
 * How many servers per account, owner, status and gone-ness, kept by triggers on `servers`
 * (hand-written migration): the list's total and the accounts' server counts read these few
 * rows instead of counting 10,000. `owner_key` is the owner, or the nil uuid for none.
 */
export const serverCounts = pgTable('server_counts', {
  accountId: uuid('account_id').notNull().references(() => providerAccounts.id, { onDelete: 'cascade' }),
  ownerKey: uuid('owner_key').notNull(),
  status: text('status').notNull(),
  gone: boolean('gone').notNull(),
  n: integer('n').notNull().default(0),
}, t => [primaryKey({ columns: [t.accountId, t.ownerKey, t.status, t.gone] })])

/**
 * Change counters, bumped by triggers (hand-written migration 0009) in every transaction that
 * changes what a listing shows, as it commits. A cached answer is reused while its scope's
 * counter has not moved: one indexed read instead of the listing's queries, on every instance.
 */
export const dataVersions = pgTable('data_versions', {
  scope: text('scope').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
})

export const accountSync = pgTable('account_sync', {
  accountId: uuid('account_id').primaryKey().references(() => providerAccounts.id, { onDelete: 'cascade' }),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  lastError: text('last_error'),
  serverCount: integer('server_count'),
})

/**
 * Exactly-once intents for anything that costs money or creates something upstream (server
 * create, order create step, domain purchase) and for placing a customer order: stored before
 * the upstream call, keyed per user by the client's Idempotency-Key (or a generated key for a
 * keyless request). The state machine and evidence rules live in server/services/exactly-once/.
 */
export const INTENT_STATES = ['pending', 'in_flight', 'succeeded', 'failed', 'unknown', 'reconciled', 'needs_review'] as const
export const intents = pgTable('intents', {
  id: id(),
  kind: text('kind', { enum: ['server.create', 'order.create', 'domain.purchase', 'order.provision', 'server.ip_add'] }).notNull(),
  idempotencyKey: text('idempotency_key').notNull(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  accountId: uuid('account_id').references(() => providerAccounts.id, { onDelete: 'cascade' }),
  /** Hash of the canonical request: the same key with another body is refused. */
  requestHash: text('request_hash').notNull(),
  request: jsonb('request').$type<Record<string, unknown>>().notNull(),
  state: text('state', { enum: INTENT_STATES }).notNull().default('pending'),
  /** The upstream object this intent made (server id, order id, domain name), once known. */
  upstreamId: text('upstream_id'),
  /** What reconciliation works from: the marker, the upstream ids before the call, the candidates seen. */
  evidence: jsonb('evidence').$type<Record<string, unknown>>(),
  result: jsonb('result').$type<Record<string, unknown>>(),
  error: text('error'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, t => [
  uniqueIndex('intents_kind_key_unique').on(t.kind, t.idempotencyKey),
  // Never two intents on one upstream object.
  uniqueIndex('intents_account_upstream_unique').on(t.accountId, t.upstreamId),
  index('intents_state_idx').on(t.state),
])

// ---------- DNS and domains ----------

export const dnsSnapshots = pgTable('dns_snapshots', {
  id: id(),
  accountId: uuid('account_id').notNull().references(() => providerAccounts.id, { onDelete: 'cascade' }),
  domain: text('domain').notNull(),
  reason: text('reason'),
  records: jsonb('records').$type<unknown[]>().notNull(),
  /** How many records: the snapshot list shows it without loading them. */
  recordCount: integer('record_count'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, t => [index('dns_snapshots_zone_idx').on(t.accountId, t.domain, t.createdAt)])

/** Zones and domains handed to a customer. */
export const zoneAssignments = pgTable('zone_assignments', {
  id: id(),
  accountId: uuid('account_id').notNull().references(() => providerAccounts.id, { onDelete: 'cascade' }),
  domain: text('domain').notNull(),
  ownerId: uuid('owner_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
}, t => [uniqueIndex('zone_assignments_unique').on(t.accountId, t.domain), index('zone_assignments_owner_idx').on(t.ownerId)])

// ---------- SSH keys and billing ----------

export const sshKeys = pgTable('ssh_keys', {
  id: id(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  type: text('type').notNull(),
  bits: integer('bits'),
  fingerprint: text('fingerprint').notNull(),
  publicKey: text('public_key').notNull(),
  createdAt: createdAt(),
}, t => [uniqueIndex('ssh_keys_user_fingerprint_unique').on(t.userId, t.fingerprint)])

/** Where a keychain key was pushed: the upstream id per account. */
export const sshKeyUpstreams = pgTable('ssh_key_upstreams', {
  id: id(),
  keyId: uuid('key_id').notNull().references(() => sshKeys.id, { onDelete: 'cascade' }),
  accountId: uuid('account_id').notNull().references(() => providerAccounts.id, { onDelete: 'cascade' }),
  upstreamKeyId: text('upstream_key_id').notNull(),
  createdAt: createdAt(),
}, t => [uniqueIndex('ssh_key_upstreams_unique').on(t.keyId, t.accountId)])

export const billingSamples = pgTable('billing_samples', {
  id: id(),
  accountId: uuid('account_id').notNull().references(() => providerAccounts.id, { onDelete: 'cascade' }),
  day: date('day').notNull(),
  currency: text('currency').notNull(),
  balance: numeric('balance', { precision: 14, scale: 4 }),
  monthlyUsage: numeric('monthly_usage', { precision: 14, scale: 4 }),
  createdAt: createdAt(),
}, t => [uniqueIndex('billing_samples_unique').on(t.accountId, t.day, t.currency)])

/**
 * Upstream dates the admin dashboard watches (domain expiry, subscription renewal), refreshed
 * by a job per account: the dashboard reads them with one indexed query instead of calling
 * every provider on each visit. An account whose read fails keeps its last rows.
 */
export const upstreamWatch = pgTable('upstream_watch', {
  kind: text('kind', { enum: ['domain_expiry', 'renewal'] }).notNull(),
  accountId: uuid('account_id').notNull().references(() => providerAccounts.id, { onDelete: 'cascade' }),
  /** The domain name, or the subscription id. */
  subject: text('subject').notNull(),
  label: text('label'),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  autoRenew: boolean('auto_renew'),
  observedAt: timestamp('observed_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [primaryKey({ columns: [t.kind, t.accountId, t.subject] }), index('upstream_watch_due_idx').on(t.kind, t.dueAt)])

// ---------- portal: plans, orders, provisioning ----------

export const plans = pgTable('plans', {
  id: id(),
  name: text('name').notNull(),
  description: text('description'),
  priceText: text('price_text'),
  accountId: uuid('account_id').notNull().references(() => providerAccounts.id, { onDelete: 'restrict' }),
  /** Upstream product keys for this provider (packageId, offer, item_id, pid, …). */
  mapping: jsonb('mapping').$type<Record<string, unknown>>().notNull(),
  /** What a customer may do on a server of this plan beyond power and reinstall (shared/servers/features). */
  customerFeatures: jsonb('customer_features').$type<string[]>().notNull().default(['graphs', 'console', 'snapshots', 'backups_restore', 'ptr', 'firewall', 'recovery', 'settings']),
  /** Billing: at most this many live orders of the plan (null: no limit); provisioned before payment when pay_later. */
  stockLimit: integer('stock_limit'),
  payLater: boolean('pay_later').notNull().default(false),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

export const orders = pgTable('orders', {
  id: id(),
  customerId: uuid('customer_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'restrict' }),
  hostname: text('hostname').notNull(),
  template: text('template').notNull(),
  /** The template's name when the order was placed (customers see it, not the upstream id). */
  templateName: text('template_name'),
  sshKeyIds: jsonb('ssh_key_ids').$type<string[]>().notNull().default([]),
  status: text('status', { enum: ['awaiting_payment', 'pending', 'running', 'completed', 'failed', 'cancelled'] }).notNull().default('pending'),
  /** Billing: the cycle chosen and the invoice whose payment starts provisioning (null: a plan without prices). */
  cycle: text('cycle', { enum: ['monthly', 'quarterly', 'yearly'] }),
  invoiceId: uuid('invoice_id'),
  currentStep: text('current_step'),
  failedStep: text('failed_step'),
  error: text('error'),
  /** Step outputs (upstream user id, server id, …) so a resumed job skips what is done. */
  progress: jsonb('progress').$type<Record<string, unknown>>().notNull().default({}),
  serverId: uuid('server_id').references(() => servers.id, { onDelete: 'set null' }),
  idempotencyKey: text('idempotency_key').notNull(),
  /** Who runs the order right now, until when: one runner at a time across jobs and instances. */
  leaseOwner: text('lease_owner'),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, t => [uniqueIndex('orders_customer_key_unique').on(t.customerId, t.idempotencyKey), index('orders_customer_idx').on(t.customerId)])

export const provisioningLogs = pgTable('provisioning_logs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  orderId: uuid('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
  step: text('step').notNull(),
  status: text('status', { enum: ['started', 'succeeded', 'failed', 'skipped'] }).notNull(),
  message: text('message'),
  upstreamRequestId: text('upstream_request_id'),
  details: jsonb('details').$type<Record<string, unknown>>(),
  createdAt: createdAt(),
}, t => [index('provisioning_logs_order_idx').on(t.orderId, t.id)])

// ---------- customer billing: prices, invoices, payments, credit (services/invoicing) ----------

/** A plan's price per billing cycle, in minor units of its currency. */
export const planPrices = pgTable('plan_prices', {
  id: id(),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  cycle: text('cycle', { enum: BILLING_CYCLES }).notNull(),
  amountMinor: integer('amount_minor').notNull(),
  currency: text('currency').notNull(),
  setupFeeMinor: integer('setup_fee_minor').notNull().default(0),
}, t => [uniqueIndex('plan_prices_plan_cycle_unique').on(t.planId, t.cycle)])

/** VAT/sales tax per customer country (ISO 3166 alpha-2), in basis points (2000 = 20 %). */
export const taxRates = pgTable('tax_rates', {
  country: text('country').primaryKey(),
  rateBp: integer('rate_bp').notNull(),
  updatedAt: updatedAt(),
})

/** The last invoice number given per year: taken with an upsert inside the issuing transaction, so numbers have no gaps. */
export const invoiceCounters = pgTable('invoice_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
})

export const invoices = pgTable('invoices', {
  id: id(),
  /** "2026-000123"; null while a draft. */
  number: text('number'),
  kind: text('kind', { enum: ['invoice', 'credit_note'] }).notNull().default('invoice'),
  /** A credit note's original invoice. */
  creditOf: uuid('credit_of'),
  customerId: uuid('customer_id').notNull().references(() => users.id, { onDelete: 'restrict' }),
  orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
  status: text('status', { enum: INVOICE_STATUSES }).notNull().default('draft'),
  currency: text('currency').notNull(),
  subtotalMinor: integer('subtotal_minor').notNull().default(0),
  taxMinor: integer('tax_minor').notNull().default(0),
  totalMinor: integer('total_minor').notNull().default(0),
  paidMinor: integer('paid_minor').notNull().default(0),
  reverseCharge: boolean('reverse_charge').notNull().default(false),
  /** Who bought and who sold, as they were when issued. */
  customerSnapshot: jsonb('customer_snapshot').$type<Record<string, string | null>>().notNull().default({}),
  sellerSnapshot: jsonb('seller_snapshot').$type<Record<string, string | null>>().notNull().default({}),
  issuedAt: timestamp('issued_at', { withTimezone: true }),
  dueAt: timestamp('due_at', { withTimezone: true }),
  paidAt: timestamp('paid_at', { withTimezone: true }),
  voidedAt: timestamp('voided_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, t => [
  uniqueIndex('invoices_number_unique').on(t.number),
  index('invoices_customer_idx').on(t.customerId, t.createdAt),
  index('invoices_status_due_idx').on(t.status, t.dueAt),
])

export const invoiceLines = pgTable('invoice_lines', {
  id: id(),
  invoiceId: uuid('invoice_id').notNull().references(() => invoices.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  description: text('description').notNull(),
  quantity: integer('quantity').notNull().default(1),
  unitMinor: integer('unit_minor').notNull(),
  taxRateBp: integer('tax_rate_bp').notNull().default(0),
  taxMinor: integer('tax_minor').notNull().default(0),
  /** Net plus tax. */
  totalMinor: integer('total_minor').notNull(),
  periodStart: timestamp('period_start', { withTimezone: true }),
  periodEnd: timestamp('period_end', { withTimezone: true }),
  serverId: uuid('server_id').references(() => servers.id, { onDelete: 'set null' }),
  orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
}, t => [index('invoice_lines_invoice_idx').on(t.invoiceId, t.position)])

/** Money received (or refunded: negative, `refund_of` the payment). `external_id` is the gateway's id: one row per gateway event. */
export const payments = pgTable('payments', {
  id: id(),
  invoiceId: uuid('invoice_id').notNull().references(() => invoices.id, { onDelete: 'restrict' }),
  amountMinor: integer('amount_minor').notNull(),
  currency: text('currency').notNull(),
  method: text('method', { enum: ['manual', 'credit', 'stripe'] }).notNull(),
  reference: text('reference'),
  externalId: text('external_id'),
  /** `<user id>:<Idempotency-Key>`: the same key records one payment, never two. */
  idempotencyKey: text('idempotency_key'),
  requestHash: text('request_hash'),
  refundOf: uuid('refund_of'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, t => [
  uniqueIndex('payments_external_unique').on(t.externalId),
  uniqueIndex('payments_idempotency_unique').on(t.idempotencyKey),
  index('payments_invoice_idx').on(t.invoiceId),
])

/** A customer's credit per currency: the balance is the sum of `amount_minor`. */
export const creditLedger = pgTable('credit_ledger', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  currency: text('currency').notNull(),
  amountMinor: integer('amount_minor').notNull(),
  reason: text('reason', { enum: ['top_up', 'refund', 'invoice_payment', 'adjustment'] }).notNull(),
  ref: text('ref'),
  idempotencyKey: text('idempotency_key'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, t => [index('credit_ledger_user_idx').on(t.userId, t.currency), uniqueIndex('credit_ledger_idempotency_unique').on(t.idempotencyKey)])

/** A server's service period (one per order): renewals invoice from it. */
export const subscriptions = pgTable('subscriptions', {
  id: id(),
  orderId: uuid('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
  customerId: uuid('customer_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'restrict' }),
  serverId: uuid('server_id').references(() => servers.id, { onDelete: 'set null' }),
  cycle: text('cycle', { enum: BILLING_CYCLES }).notNull(),
  amountMinor: integer('amount_minor').notNull(),
  currency: text('currency').notNull(),
  status: text('status', { enum: ['active', 'suspended', 'cancelled'] }).notNull().default('active'),
  currentPeriodStart: timestamp('current_period_start', { withTimezone: true }).notNull(),
  currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }).notNull(),
  nextInvoiceAt: timestamp('next_invoice_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, t => [uniqueIndex('subscriptions_order_unique').on(t.orderId), index('subscriptions_next_invoice_idx').on(t.status, t.nextInvoiceAt)])

export type User = typeof users.$inferSelect
export type ProviderAccount = typeof providerAccounts.$inferSelect
export type ServerRow = typeof servers.$inferSelect
export type Notification = typeof notifications.$inferSelect

/** The brand's logo (white label): one small image, kept in the database so every instance serves it. */
export const brandLogos = pgTable('brand_logos', {
  /** Always 'logo': one row. */
  key: text('key').primaryKey(),
  mime: text('mime').notNull(),
  /** The image, base64. */
  data: text('data').notNull(),
  /** sha256 of the bytes, hex: the ETag and the cache-busting `v` of its URL. */
  sha256: text('sha256').notNull(),
  bytes: integer('bytes').notNull(),
  updatedAt: updatedAt(),
})
// ── Online payments (Stripe Checkout) and renewals ─────────────────────────────────────────

/** One online payment gateway's settings; its keys encrypted as provider credentials are. */
export const paymentGateways = pgTable('payment_gateways', {
  /** The gateway: 'stripe' (one row each). */
  kind: text('kind').primaryKey(),
  /** Binds the ciphertext to this row (the encryption's associated data). */
  id: uuid('id').notNull().default(sql`gen_random_uuid()`),
  /** AES-256-GCM envelope of `{ secret_key, webhook_secret }`. */
  credentialsCiphertext: text('credentials_ciphertext').notNull(),
  credentialsKeyId: text('credentials_key_id').notNull(),
  /** Non-secret settings: `api_base` (a stand-in's address), `sandbox`, the webhook endpoint id. */
  settings: jsonb('settings').$type<Record<string, string | boolean | null>>().notNull().default({}),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

/** Every gateway event processed: the primary key makes a replayed or concurrent delivery a no-op. */
export const paymentEvents = pgTable('payment_events', {
  id: text('id').primaryKey(),
  gateway: text('gateway').notNull(),
  type: text('type').notNull(),
  /** The invoice the event named (not a reference: an event may name one that does not exist). */
  invoiceId: uuid('invoice_id'),
  outcome: text('outcome').notNull().default('processing'),
  receivedAt: createdAt(),
})

/** Checkout sessions opened for an invoice: an unexpired open one is reused. */
export const checkoutSessions = pgTable('checkout_sessions', {
  id: text('id').primaryKey(),
  invoiceId: uuid('invoice_id').notNull().references(() => invoices.id, { onDelete: 'cascade' }),
  gateway: text('gateway').notNull(),
  url: text('url').notNull(),
  amountMinor: integer('amount_minor').notNull(),
  currency: text('currency').notNull(),
  status: text('status', { enum: ['open', 'complete', 'expired'] }).notNull().default('open'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
}, t => [index('checkout_sessions_invoice_idx').on(t.invoiceId)])

/**
 * One row per subscription and service period invoiced by the renewals run: the unique index
 * makes "one invoice per period" hold however often, or however concurrently, the run goes.
 * `state` follows the invoice: open → (overdue reminder) → suspended → review → paid or terminated.
 */
export const renewals = pgTable('renewals', {
  id: id(),
  subscriptionId: uuid('subscription_id').notNull().references(() => subscriptions.id, { onDelete: 'cascade' }),
  periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
  periodEnd: timestamp('period_end', { withTimezone: true }).notNull(),
  invoiceId: uuid('invoice_id').references(() => invoices.id, { onDelete: 'set null' }),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  state: text('state', { enum: ['open', 'suspended', 'review', 'paid', 'terminated'] }).notNull().default('open'),
  remindedAt: timestamp('reminded_at', { withTimezone: true }),
  suspendedAt: timestamp('suspended_at', { withTimezone: true }),
  reviewAt: timestamp('review_at', { withTimezone: true }),
  paidAt: timestamp('paid_at', { withTimezone: true }),
  terminatedAt: timestamp('terminated_at', { withTimezone: true }),
  createdAt: createdAt(),
}, t => [uniqueIndex('renewals_subscription_period_unique').on(t.subscriptionId, t.periodStart), index('renewals_invoice_idx').on(t.invoiceId), index('renewals_state_due_idx').on(t.state, t.dueAt)])
