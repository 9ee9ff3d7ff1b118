/**
 * Provider accounts: the seed's ProviderConfig, stored with its secrets encrypted.
 * Nothing here ever returns a credential: only a mask.
 */
import { randomUUID } from 'node:crypto'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { useDb } from '../db/client'
import { plans, providerAccounts, type ProviderAccount } from '../db/schema'
import { decryptCredentials, encryptCredentials, loadKeyring, maskSecret } from '../lib/credentials-crypto'
import { httpError } from '../lib/http-errors'
import { PROVIDER_TYPES, createAdapter, getDefinition, providers, type ProviderType } from '../providers/registry'
import type { ProviderAccountView, ProviderFactsEntry, ProviderKind } from '#shared/schemas/providers'
import { isProviderError } from '../providers/errors'
import { notifyAdmins } from './notifications'
import { missingFields } from './provider-fields'
import { env } from '../lib/config'

export const SLUG_RE = /^[a-z0-9][a-z0-9-]{0,39}$/

export const configureBodySchema = z.object({
  type: z.enum(PROVIDER_TYPES).optional(),
  api_key: z.string().trim().min(1, 'api_key must not be empty').max(4096).optional(),
  api_secret: z.string().max(4096).optional().nullable(),
  display_name: z.string().trim().min(1).max(80).optional(),
  extra: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
}).strict()
export type ConfigureBody = z.infer<typeof configureBodySchema>

/** An account as the API answers one: snake_case, as the seed's API; credentials only masked. */
export function publicAccount(a: ProviderAccount, creds?: Record<string, string>): ProviderAccountView {
  const def = getDefinition(a.type)
  return {
    id: a.id,
    name: a.slug,
    slug: a.slug,
    type: a.type,
    display_name: a.displayName,
    provider_display_name: def?.meta.displayName ?? a.type,
    connected: a.lastTestOk === true,
    settings: a.settings,
    credentials: creds ? { api_key: maskSecret(creds.api_key), api_secret: maskSecret(creds.api_secret) } : undefined,
    capabilities: def?.meta.capabilities,
    last_test: a.lastTestAt ? { ok: a.lastTestOk, message: a.lastTestMessage, at: a.lastTestAt.toISOString(), code: a.lastTestCode, params: a.lastTestParams ?? {} } : null,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  }
}

function decrypt(a: ProviderAccount) {
  return decryptCredentials(loadKeyring(), a.id, a.credentialsCiphertext, a.credentialsKeyId)
}

export async function listAccounts() {
  const db = await useDb()
  const rows = await db.select().from(providerAccounts).orderBy(asc(providerAccounts.createdAt))
  return rows.map(a => publicAccount(a, safeDecrypt(a)))
}

function safeDecrypt(a: ProviderAccount) {
  try { return decrypt(a) }
  catch { return undefined }
}

export async function getAccountBySlug(slug: string) {
  const db = await useDb()
  const [a] = await db.select().from(providerAccounts).where(eq(providerAccounts.slug, slug))
  return a
}

export async function getAccountById(id: string) {
  const db = await useDb()
  const [a] = await db.select().from(providerAccounts).where(eq(providerAccounts.id, id))
  return a
}

export async function requireAccount(slug: string) {
  const a = await getAccountBySlug(slug)
  if (!a) throw httpError(404, `No provider account named "${slug}"`, 'provider_not_found')
  return a
}

function validateSettings(type: ProviderType, settings: Record<string, unknown>, creds: Record<string, string | undefined>) {
  const meta = providers[type].meta
  const missing = missingFields(type, settings, creds)
  if (missing.length) {
    throw httpError(400, `${meta.displayName} needs: ${missing.map(m => m.label).join(', ')}`, 'missing_fields', {
      issues: missing.map(m => ({ path: m.path, message: `${m.label} is required` })),
    })
  }
  for (const f of meta.settings) {
    const v = settings[f.key]
    if (v !== undefined && v !== null && v !== '' && f.type === 'url') {
      let u: URL
      try { u = new URL(String(v)) }
      catch { throw httpError(400, `${f.label} must be a URL such as https://cp.example.com/api/v1`, 'invalid_setting', { issues: [{ path: `extra.${f.key}`, message: 'Not a URL' }] }) }
      if (!['http:', 'https:'].includes(u.protocol)) throw httpError(400, `${f.label} must be an http(s) URL`, 'invalid_setting', { issues: [{ path: `extra.${f.key}`, message: 'Not an http(s) URL' }] })
    }
    if (v !== undefined && v !== null && v !== '' && f.type === 'number' && !/^\d+$/.test(String(v))) {
      throw httpError(400, `${f.label} must be a whole number`, 'invalid_setting', { issues: [{ path: `extra.${f.key}`, message: 'Not a whole number' }] })
    }
  }
}

/** Create or update the account `slug` (seed: POST /api/hosting/providers/{provider}/configure). */
export async function configureAccount(slug: string, body: ConfigureBody) {
  if (!SLUG_RE.test(slug)) throw httpError(400, 'The provider name must be 1–40 lowercase letters, digits or hyphens', 'invalid_slug')
  const db = await useDb()
  const existing = await getAccountBySlug(slug)
  const slugType = (PROVIDER_TYPES as readonly string[]).includes(slug) ? slug as ProviderType : undefined
  const type = body.type ?? existing?.type ?? slugType
  if (!type) throw httpError(400, `"${slug}" is not a provider type: give "type" (one of ${PROVIDER_TYPES.join(', ')})`, 'type_required')
  if (existing && existing.type !== type) throw httpError(409, `"${slug}" is a ${existing.type} account; its type cannot change`, 'type_mismatch')
  if (!existing && slugType && slugType !== type) throw httpError(400, `The name "${slug}" is reserved for ${slugType} accounts`, 'type_mismatch')
  const def = providers[type]

  const settings = { ...(existing?.settings ?? {}), ...(body.extra ?? {}) }
  for (const [k, v] of Object.entries(settings)) if (v === null || v === '') delete settings[k]
  const oldCreds = existing ? decrypt(existing) : undefined
  const apiKey = body.api_key ?? oldCreds?.api_key
  validateSettings(type, settings, { api_key: apiKey })
  if (!apiKey) throw httpError(400, 'api_key is required', 'missing_fields', { issues: [{ path: 'api_key', message: 'API key is required' }] })
  const creds: Record<string, string> = { api_key: apiKey }
  const secret = body.api_secret === null ? undefined : body.api_secret ?? oldCreds?.api_secret
  if (secret) creds.api_secret = secret

  const id = existing?.id ?? randomUUID()
  const { ciphertext, keyId } = encryptCredentials(loadKeyring(), id, creds)
  const displayName = body.display_name ?? existing?.displayName ?? (slugType ? def.meta.displayName : slug)
  const credsChanged = !existing || JSON.stringify(creds) !== JSON.stringify(oldCreds) || JSON.stringify(settings) !== JSON.stringify(existing.settings)
  // Nothing new (e.g. `{}`): no write, and the caller records no change.
  if (existing && !credsChanged && displayName === existing.displayName) return { created: false, changed: false, account: publicAccount(existing, creds) }
  const values = {
    id, slug, type, displayName, settings, credentialsCiphertext: ciphertext, credentialsKeyId: keyId, updatedAt: new Date(),
    // New credentials or settings invalidate the last test.
    ...(credsChanged ? { lastTestOk: null, lastTestMessage: null, lastTestAt: null } : {}),
  }
  const [row] = existing
    ? await db.update(providerAccounts).set(values).where(eq(providerAccounts.id, id)).returning()
    : await db.insert(providerAccounts).values(values).returning()
  return { created: !existing, changed: true, account: publicAccount(row!, creds) }
}

export async function removeAccount(slug: string) {
  const db = await useDb()
  const a = await requireAccount(slug)
  // Plans (and through them orders) keep the account (ON DELETE RESTRICT): say which ones.
  const using = await db.select({ name: plans.name }).from(plans).where(eq(plans.accountId, a.id)).orderBy(asc(plans.name))
  if (using.length) {
    const names = using.slice(0, 5).map(p => `"${p.name}"`).join(', ') + (using.length > 5 ? ` and ${using.length - 5} more` : '')
    throw httpError(409, `${using.length === 1 ? 'A plan still uses' : `${using.length} plans still use`} this provider account (${names}); it cannot be deleted while they exist`, 'in_use')
  }
  await db.delete(providerAccounts).where(eq(providerAccounts.id, a.id))
  return a
}

export function adapterFor(a: ProviderAccount) {
  const creds = decrypt(a)
  const timeoutMs = env().UPSTREAM_TIMEOUT_MS
  return createAdapter(a.type, { slug: a.slug, credentials: { apiKey: creds.api_key!, apiSecret: creds.api_secret }, settings: a.settings }, { timeoutMs })
}

export async function adapterForSlug(slug: string) {
  const account = await requireAccount(slug)
  return { account, adapter: adapterFor(account) }
}

/** Runs the provider's cheapest authenticated call and records the outcome. */
export async function testAccount(slug: string) {
  const db = await useDb()
  const { account, adapter } = await adapterForSlug(slug)
  try {
    const result = await adapter.testConnection()
    await db.update(providerAccounts).set({ lastTestOk: true, lastTestMessage: result.message, lastTestCode: result.code, lastTestParams: result.params, lastTestAt: new Date() }).where(eq(providerAccounts.id, account.id))
    return { status: 'ok' as const, message: result.message, ...(result.version ? { version: result.version } : {}), code: result.code, params: result.params }
  }
  catch (err) {
    const message = isProviderError(err) ? err.message : `Connection test failed: ${(err as Error).message}`
    const code = isProviderError(err) ? err.code : 'connection_failed'
    await db.update(providerAccounts).set({ lastTestOk: false, lastTestMessage: message, lastTestCode: code, lastTestParams: { provider: account.displayName }, lastTestAt: new Date() }).where(eq(providerAccounts.id, account.id))
    await notifyAdmins({ kind: 'provider_test_failed', params: { account: account.displayName, message }, link: '/providers', dedupeKey: `provider-test:${account.id}` })
    throw err
  }
}

/** Each provider kind's metadata as the API answers it (snake_case, as the seed's API), for the add/edit dialog. */
export function providerTypes(): ProviderKind[] {
  return PROVIDER_TYPES.map((t) => {
    const m = providers[t].meta
    return {
      type: m.type, display_name: m.displayName, ...(m.docsUrl ? { docs_url: m.docsUrl } : {}),
      credentials: m.credentials, settings: m.settings, capabilities: m.capabilities, facts: m.facts,
    }
  })
}

/** Each provider kind's facts, for every signed-in user (GET /api/hosting/provider-facts). */
export function providerFacts(): ProviderFactsEntry[] {
  return PROVIDER_TYPES.map(t => ({ type: t, display_name: providers[t].meta.displayName, facts: providers[t].meta.facts }))
}
