/**
 * The online payment gateway (Stripe Checkout): its keys stored as provider credentials are
 * (AES-256-GCM under the credentials keyring, bound to the row), answered only masked, never
 * logged. `api_base` points the official client at a stand-in (the sandbox) instead of Stripe.
 */
import { eq } from 'drizzle-orm'
import Stripe from 'stripe'
import { z } from 'zod'
import { useDb } from '#server/db/client'
import { paymentGateways } from '#server/db/schema'
import { decryptCredentials, encryptCredentials, loadKeyring, maskSecret } from '#server/lib/credentials-crypto'
import { httpError } from '#server/lib/http-errors'
import type { PaymentGatewayView } from '#shared/schemas/payments'

const KIND = 'stripe'

export const gatewayBodySchema = z.object({
  secret_key: z.string().trim().regex(/^(sk|rk)_(test|live)_\w{8,}$/, 'A Stripe secret key starts with sk_test_, sk_live_ (or rk_ for a restricted key)').max(512).optional(),
  webhook_secret: z.string().trim().regex(/^whsec_\w{8,}$/, 'A webhook signing secret starts with whsec_').max(512).optional(),
  api_base: z.string().trim().url().max(300).refine(u => /^https?:\/\//.test(u), 'Must be an http(s) URL').nullable().optional(),
  enabled: z.boolean().optional(),
}).strict()
export type GatewayBody = z.infer<typeof gatewayBodySchema>

interface Secrets { secret_key: string, webhook_secret: string }

async function row() {
  const db = await useDb()
  const [r] = await db.select().from(paymentGateways).where(eq(paymentGateways.kind, KIND))
  return r
}

function secretsOf(r: typeof paymentGateways.$inferSelect): Secrets {
  return decryptCredentials(loadKeyring(), r.id, r.credentialsCiphertext, r.credentialsKeyId) as unknown as Secrets
}

function present(r: typeof paymentGateways.$inferSelect | undefined, webhookUrl: string): PaymentGatewayView {
  let secrets: Secrets | undefined
  try { secrets = r && secretsOf(r) }
  catch { secrets = undefined }
  return {
    kind: KIND,
    configured: !!r,
    enabled: r?.enabled ?? false,
    sandbox: r?.settings.sandbox === true,
    api_base: (r?.settings.api_base as string | undefined) ?? null,
    secret_key: maskSecret(secrets?.secret_key),
    webhook_secret: maskSecret(secrets?.webhook_secret),
    webhook_url: webhookUrl,
    updated_at: r?.updatedAt.toISOString() ?? null,
  }
}

export async function getGateway(webhookUrl: string): Promise<PaymentGatewayView> {
  return present(await row(), webhookUrl)
}

/** Saves what the body gives (keys kept when left out); answers the masked view and what changed. */
export async function configureGateway(body: GatewayBody, webhookUrl: string, extra: Record<string, string | boolean | null> = {}) {
  const db = await useDb()
  const existing = await row()
  const old = existing ? secretsOf(existing) : undefined
  const secrets: Secrets = { secret_key: body.secret_key ?? old?.secret_key ?? '', webhook_secret: body.webhook_secret ?? old?.webhook_secret ?? '' }
  const issues = [
    !secrets.secret_key && { path: 'secret_key', message: 'The secret key is required' },
    !secrets.webhook_secret && { path: 'webhook_secret', message: 'The webhook signing secret is required' },
  ].filter(Boolean)
  if (issues.length) throw httpError(400, 'Stripe needs a secret key and a webhook signing secret', 'missing_fields', { issues })
  const settings = { ...(existing?.settings ?? {}), ...extra }
  if (body.api_base !== undefined) settings.api_base = body.api_base
  if (settings.api_base === null) delete settings.api_base
  // A hand-entered key is a real account: it is no longer the sandbox's.
  if (body.secret_key && extra.sandbox === undefined) delete settings.sandbox
  const id = existing?.id ?? crypto.randomUUID()
  const { ciphertext, keyId } = encryptCredentials(loadKeyring(), id, secrets as unknown as Record<string, string>)
  const values = { kind: KIND, id, credentialsCiphertext: ciphertext, credentialsKeyId: keyId, settings, enabled: body.enabled ?? existing?.enabled ?? true, updatedAt: new Date() }
  await db.insert(paymentGateways).values(values).onConflictDoUpdate({ target: paymentGateways.kind, set: values })
  await refreshCheckoutAvailable()
  const changed = [
    body.secret_key && body.secret_key !== old?.secret_key && 'secret_key',
    body.webhook_secret && body.webhook_secret !== old?.webhook_secret && 'webhook_secret',
    body.api_base !== undefined && body.api_base !== (existing?.settings.api_base ?? null) && 'api_base',
    body.enabled !== undefined && body.enabled !== existing?.enabled && 'enabled',
  ].filter((x): x is string => !!x)
  return { gateway: await getGateway(webhookUrl), changed }
}

export async function removeGateway(): Promise<boolean> {
  const db = await useDb()
  const gone = await db.delete(paymentGateways).where(eq(paymentGateways.kind, KIND)).returning({ kind: paymentGateways.kind })
  await refreshCheckoutAvailable()
  return gone.length > 0
}

/** The official client, pointed at `api_base` when one is set. */
export function stripeClient(secretKey: string, apiBase?: string | null): Stripe {
  if (!apiBase) return new Stripe(secretKey, { maxNetworkRetries: 2, timeout: 20_000 })
  const u = new URL(apiBase)
  const protocol = u.protocol === 'https:' ? 'https' : 'http'
  return new Stripe(secretKey, { host: u.hostname, port: Number(u.port || (protocol === 'https' ? 443 : 80)), protocol, maxNetworkRetries: 2, timeout: 20_000 })
}

/** The configured gateway, ready to use; undefined when none is set up or it is off. */
export async function activeGateway(): Promise<{ stripe: Stripe, webhookSecret: string } | undefined> {
  const r = await row()
  if (!r?.enabled) return undefined
  const s = secretsOf(r)
  return { stripe: stripeClient(s.secret_key, r.settings.api_base as string | undefined), webhookSecret: s.webhook_secret }
}

/** The webhook signing secret, even while online payment is switched off (events in flight still count). */
export async function webhookSecret(): Promise<string | undefined> {
  const r = await row()
  return r ? secretsOf(r).webhook_secret : undefined
}

/**
 * Whether customers can pay online (the invoice view's `checkout_available`, a synchronous
 * check): the gateway's state as last read, read again when older than a few seconds, at once
 * after this instance changes it.
 */
const availability = { enabled: false, at: 0, reading: undefined as Promise<void> | undefined }
export async function refreshCheckoutAvailable(): Promise<boolean> {
  availability.reading ??= row().then((r) => { availability.enabled = r?.enabled === true; availability.at = Date.now() }).finally(() => { availability.reading = undefined })
  await availability.reading
  return availability.enabled
}
export function checkoutAvailableNow(): boolean {
  if (Date.now() - availability.at > 5_000) void refreshCheckoutAvailable().catch(() => undefined)
  return availability.enabled
}

/**
 * "Use the sandbox Stripe": the stand-in's key (from the running sandbox, never an import), and a
 * webhook endpoint registered there for this app through the official API, whose signing secret
 * Stripe answers once.
 */
export async function connectSandboxStripe(origin: string, webhookUrl: string) {
  let key: string
  try {
    const res = await fetch(`${origin}/__sandbox/stripe`, { signal: AbortSignal.timeout(10_000) })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    key = ((await res.json()) as { secret_key: string }).secret_key
  }
  catch (e) { throw httpError(503, `The sandbox at ${origin} did not give its Stripe key: ${(e as Error).message}`, 'sandbox_unavailable') }
  const stripe = stripeClient(key, origin)
  const endpoints = await stripe.webhookEndpoints.list({ limit: 100 })
  for (const ep of endpoints.data.filter(e => e.url === webhookUrl)) await stripe.webhookEndpoints.del(ep.id)
  const endpoint = await stripe.webhookEndpoints.create({ url: webhookUrl, enabled_events: ['checkout.session.completed'], description: 'Hosting panel (sandbox)' })
  return configureGateway({ secret_key: key, webhook_secret: endpoint.secret!, api_base: origin, enabled: true }, webhookUrl, { sandbox: true, webhook_endpoint: endpoint.id })
}
