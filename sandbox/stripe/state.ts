/**
 * The stand-in's objects, shaped as Stripe documents them (API reference: the Checkout Session,
 * Event and Webhook Endpoint objects), with only the fields this panel and the official client
 * use plus the ones every object carries (`object`, `created`, `livemode`).
 */
import { createHmac, randomBytes } from 'node:crypto'

export const SANDBOX_SECRET_KEY = 'sk_test_sandbox_51Hs0rT00000000000000000000'
export const API_VERSION = '2026-10-28.endive'

export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`
export const nowSec = () => Math.floor(Date.now() / 1000)

export interface LineItem {
  id: string
  object: 'item'
  description: string
  quantity: number
  currency: string
  amount_subtotal: number
  amount_total: number
  price: { id: string, object: 'price', currency: string, unit_amount: number, product: string }
}

export interface CheckoutSession {
  id: string
  object: 'checkout.session'
  amount_subtotal: number
  amount_total: number
  cancel_url: string | null
  client_reference_id: string | null
  created: number
  currency: string
  customer: string | null
  customer_email: string | null
  expires_at: number
  livemode: false
  metadata: Record<string, string>
  mode: 'payment' | 'setup' | 'subscription'
  payment_intent: string | null
  payment_status: 'paid' | 'unpaid' | 'no_payment_required'
  status: 'open' | 'complete' | 'expired'
  success_url: string | null
  url: string | null
  /** Not part of the session object (Stripe lists them at /line_items); kept for the page. */
  line_items: LineItem[]
}

export interface StripeEvent {
  id: string
  object: 'event'
  api_version: string
  created: number
  data: { object: unknown }
  livemode: false
  pending_webhooks: number
  request: { id: string | null, idempotency_key: string | null }
  type: string
}

export interface WebhookEndpoint {
  id: string
  object: 'webhook_endpoint'
  api_version: string | null
  created: number
  description: string | null
  enabled_events: string[]
  livemode: false
  metadata: Record<string, string>
  secret?: string
  status: 'enabled' | 'disabled'
  url: string
}

export interface Delivery { event: string, endpoint: string, url: string, at: number, status: number | null, error: string | null, body: string }

export interface StripeState {
  sessions: Map<string, CheckoutSession>
  events: StripeEvent[]
  endpoints: Map<string, WebhookEndpoint & { secret: string }>
  deliveries: Delivery[]
  /** Idempotency-Key → the first answer, replayed for a retry (as Stripe does for 24 hours). */
  idempotent: Map<string, { status: number, json: unknown }>
  /** Every API call: method, path, idempotency key (tests count creates). */
  calls: { method: string, path: string, idempotencyKey: string | null, at: number }[]
}

export function seedStripe(): StripeState {
  return { sessions: new Map(), events: [], endpoints: new Map(), deliveries: [], idempotent: new Map(), calls: [] }
}

/** The session as the API answers it (without the page's line items). */
export function sessionView(s: CheckoutSession): Omit<CheckoutSession, 'line_items'> {
  const { line_items: _items, ...rest } = s
  return rest
}

/** `Stripe-Signature` exactly as Stripe signs: HMAC-SHA256 over "<t>.<payload>" with the endpoint's secret. */
export function signPayload(payload: string, secret: string, t = nowSec()): string {
  const v1 = createHmac('sha256', secret).update(`${t}.${payload}`, 'utf8').digest('hex')
  return `t=${t},v1=${v1}`
}
