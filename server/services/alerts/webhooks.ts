/**
 * Outbound webhooks: admin-configured URLs that receive alerts as JSON, signed (./signing.ts).
 * Each alert becomes one delivery row per endpoint and one pg-boss job; a job that gets no 2xx
 * throws, so pg-boss tries again later with exponential backoff, until the delivery's attempts run
 * out and it is marked failed. The delivery log keeps the last answer's status and error.
 */
import { and, desc, eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { webhookDeliveries, webhookEndpoints } from '#server/db/schema'
import { env } from '#server/lib/config'
import { decryptCredentials, encryptCredentials, loadKeyring, maskSecret } from '#server/lib/credentials-crypto'
import { enqueue } from '#server/lib/jobs'
import { httpError } from '#server/lib/http-errors'
import type { AlertKind, AlertParams } from '#shared/alerts/kinds'
import type { CreatedWebhookEndpointView, WebhookDeliveryView, WebhookEndpointView } from '#shared/schemas/alerts'
import { newWebhookSecret, signWebhook } from './signing'

export const WEBHOOK_JOB = 'alerts.webhook'
type Endpoint = typeof webhookEndpoints.$inferSelect
type Delivery = typeof webhookDeliveries.$inferSelect

const aad = (id: string) => `webhook:${id}`

function secretOf(e: Endpoint): string {
  return decryptCredentials(loadKeyring(), aad(e.id), e.secretCiphertext, e.secretKeyId).secret ?? ''
}

function presentEndpoint(e: Endpoint): WebhookEndpointView {
  return { id: e.id, name: e.name, url: e.url, kinds: e.kinds, enabled: e.enabled, secret_hint: maskSecret(secretOf(e)), created_at: e.createdAt.toISOString() }
}

function presentDelivery(d: Delivery): WebhookDeliveryView {
  return {
    id: d.id, endpoint_id: d.endpointId, kind: d.kind, status: d.status, attempts: d.attempts, max_attempts: d.maxAttempts,
    response_status: d.responseStatus, last_error: d.lastError, created_at: d.createdAt.toISOString(), updated_at: d.updatedAt.toISOString(),
  }
}

export interface EndpointInput { name: string, url: string, kinds: AlertKind[], enabled: boolean }

export async function listEndpoints(): Promise<WebhookEndpointView[]> {
  const db = await useDb()
  return (await db.select().from(webhookEndpoints).orderBy(webhookEndpoints.createdAt)).map(presentEndpoint)
}

async function loadEndpoint(id: string): Promise<Endpoint> {
  const db = await useDb()
  const [e] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id))
  if (!e) throw httpError(404, 'No such webhook', 'webhook_not_found')
  return e
}

export async function createEndpoint(input: EndpointInput): Promise<CreatedWebhookEndpointView> {
  const db = await useDb()
  const id = crypto.randomUUID()
  const secret = newWebhookSecret()
  const { ciphertext, keyId } = encryptCredentials(loadKeyring(), aad(id), { secret })
  const [row] = await db.insert(webhookEndpoints).values({ id, ...input, secretCiphertext: ciphertext, secretKeyId: keyId }).returning()
  return { ...presentEndpoint(row!), secret }
}

export async function updateEndpoint(id: string, patch: Partial<EndpointInput>): Promise<WebhookEndpointView> {
  await loadEndpoint(id)
  const db = await useDb()
  const [row] = await db.update(webhookEndpoints).set({ ...patch, updatedAt: new Date() }).where(eq(webhookEndpoints.id, id)).returning()
  return presentEndpoint(row!)
}

export async function deleteEndpoint(id: string): Promise<void> {
  await loadEndpoint(id)
  const db = await useDb()
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id))
}

export async function listDeliveries(endpointId: string, limit = 50): Promise<WebhookDeliveryView[]> {
  await loadEndpoint(endpointId)
  const db = await useDb()
  const rows = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(desc(webhookDeliveries.createdAt)).limit(limit)
  return rows.map(presentDelivery)
}

function retryOptions() {
  const { ALERTS_WEBHOOK_ATTEMPTS: attempts, ALERTS_WEBHOOK_RETRY_SECONDS: delay } = env()
  return { attempts, send: { retryLimit: attempts - 1, retryDelay: delay, retryBackoff: true } }
}

async function queueDelivery(endpointId: string, kind: string, payload: Record<string, unknown>): Promise<Delivery> {
  const db = await useDb()
  const { attempts, send } = retryOptions()
  const [d] = await db.insert(webhookDeliveries).values({ endpointId, kind, payload, maxAttempts: attempts }).returning()
  await enqueue(WEBHOOK_JOB, { deliveryId: d!.id }, send)
  return d!
}

/** One delivery per enabled endpoint that takes this kind. */
export async function queueWebhookDeliveries(alert: { kind: AlertKind, level: string, title: string, body: string, link: string | null, params: AlertParams }): Promise<number> {
  const db = await useDb()
  const endpoints = (await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.enabled, true)))
    .filter(e => !e.kinds.length || e.kinds.includes(alert.kind))
  const event = { event_id: crypto.randomUUID(), kind: alert.kind, level: alert.level, title: alert.title, body: alert.body, link: alert.link, params: alert.params, created_at: new Date().toISOString() }
  for (const e of endpoints) await queueDelivery(e.id, alert.kind, event)
  return endpoints.length
}

/** "Send test": a delivery of kind "test" through the same queue, so its log row shows what a real one would. */
export async function sendTest(endpointId: string): Promise<WebhookDeliveryView> {
  const e = await loadEndpoint(endpointId)
  const event = { event_id: crypto.randomUUID(), kind: 'test', level: 'info', title: `Test from the panel to ${e.name}`, body: 'If you can read this, the webhook works.', link: null, params: {}, created_at: new Date().toISOString() }
  return presentDelivery(await queueDelivery(e.id, 'test', event))
}

/**
 * One attempt (the job handler). Throws to have pg-boss try again later; returns once the
 * delivery is settled (delivered, failed for good, or gone with its endpoint).
 */
export async function attemptDelivery(deliveryId: string): Promise<Delivery['status'] | 'gone'> {
  const db = await useDb()
  const [row] = await db.select().from(webhookDeliveries).innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId)).where(eq(webhookDeliveries.id, deliveryId))
  if (!row) return 'gone'
  const { webhook_deliveries: d, webhook_endpoints: e } = row
  if (d.status !== 'pending') return d.status
  const attempt = d.attempts + 1
  const body = JSON.stringify({ delivery_id: d.id, ...d.payload })
  const timestamp = Math.floor(Date.now() / 1000)
  let responseStatus: number | null = null
  let error: string | null = null
  try {
    const res = await fetch(e.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'hosting-panel-webhooks', 'x-timestamp': String(timestamp), 'x-signature': signWebhook(secretOf(e), timestamp, body) },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(env().ALERTS_WEBHOOK_TIMEOUT_MS),
    })
    responseStatus = res.status
    await res.body?.cancel().catch(() => {})
    if (res.status < 200 || res.status >= 300) error = `The receiver answered ${res.status}`
  }
  catch (err) {
    const cause = (err as Error & { cause?: Error }).cause
    error = (err as Error).name === 'TimeoutError' ? 'The receiver did not answer in time' : `Could not reach the receiver: ${cause?.message ?? (err as Error).message}`
  }
  const status = !error ? 'delivered' : attempt >= d.maxAttempts ? 'failed' : 'pending'
  await db.update(webhookDeliveries).set({ status, attempts: attempt, responseStatus, lastError: error, updatedAt: new Date() })
    .where(and(eq(webhookDeliveries.id, d.id), eq(webhookDeliveries.attempts, d.attempts)))
  if (status === 'pending') throw new Error(`webhook delivery ${d.id}: ${error} (attempt ${attempt} of ${d.maxAttempts})`)
  return status
}
