/**
 * Stripe's webhook: the signature over the raw body is checked with the signing secret (the
 * official client's verifier, five minutes' tolerance), then the event id is claimed in
 * `payment_events` (its primary key): a replay, or the same event delivered twice at once, finds
 * it taken and changes nothing. A completed, paid Checkout Session records one payment on its
 * invoice (external id = the PaymentIntent, so even two different events for one payment record
 * it once). If processing fails the claim is released, so Stripe's retry can try again.
 */
import { eq } from 'drizzle-orm'
import Stripe from 'stripe'
import { useDb } from '#server/db/client'
import { checkoutSessions, paymentEvents } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { webhookSecret } from './gateway'
import { recordGatewayPayment } from './record'

const verifier = Stripe.webhooks

export interface WebhookOutcome { received: true, duplicate: boolean, outcome: string }

export async function handleStripeWebhook(raw: string | Buffer | undefined, signature: string | undefined): Promise<WebhookOutcome> {
  const secret = await webhookSecret()
  if (!secret) throw httpError(400, 'No Stripe webhook signing secret is set up', 'gateway_not_configured')
  if (!signature) throw httpError(400, 'The Stripe-Signature header is missing', 'webhook_signature_invalid')
  if (!raw || !raw.length) throw httpError(400, 'The webhook has no body', 'webhook_signature_invalid')
  let event: Stripe.Event
  try { event = await verifier.constructEventAsync(raw, signature, secret) }
  catch { throw httpError(400, 'The Stripe-Signature does not match the body (or is too old)', 'webhook_signature_invalid') }

  const db = await useDb()
  const object = event.data.object as { id?: string, metadata?: Record<string, string> | null }
  const invoiceId = uuidOrNull(object.metadata?.invoice_id)
  const claimed = await db.insert(paymentEvents).values({ id: event.id, gateway: 'stripe', type: event.type, invoiceId })
    .onConflictDoNothing({ target: paymentEvents.id }).returning({ id: paymentEvents.id })
  if (!claimed.length) return { received: true, duplicate: true, outcome: 'duplicate' }
  let outcome: string
  try { outcome = await processEvent(event, invoiceId) }
  catch (e) {
    await db.delete(paymentEvents).where(eq(paymentEvents.id, event.id))
    throw e
  }
  await db.update(paymentEvents).set({ outcome }).where(eq(paymentEvents.id, event.id))
  return { received: true, duplicate: false, outcome }
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const uuidOrNull = (v: unknown) => (typeof v === 'string' && UUID_RE.test(v) ? v : null)

async function processEvent(event: Stripe.Event, invoiceId: string | null): Promise<string> {
  const db = await useDb()
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const s = event.data.object
      await db.update(checkoutSessions).set({ status: 'complete' }).where(eq(checkoutSessions.id, s.id))
      if (s.payment_status !== 'paid') return `not paid (${s.payment_status})`
      if (!invoiceId) return 'ignored: no invoice in metadata'
      const intent = typeof s.payment_intent === 'string' ? s.payment_intent : s.payment_intent?.id
      const r = await recordGatewayPayment({
        invoiceId, amountMinor: s.amount_total ?? 0, currency: (s.currency ?? '').toUpperCase(),
        externalId: intent ?? s.id, reference: s.id,
      })
      return r
    }
    case 'checkout.session.expired': {
      await db.update(checkoutSessions).set({ status: 'expired' }).where(eq(checkoutSessions.id, event.data.object.id))
      return 'session expired'
    }
    default:
      return 'ignored'
  }
}
