import { getRequestHeader, readRawBody } from 'h3'
import { handleStripeWebhook } from '#server/services/payments/webhook'

/**
 * Stripe's events (no session: the signature over the raw body is the authentication).
 * A forged or missing signature is a 400 and changes nothing; an event seen before answers 200.
 */
export default defineEventHandler(async (event) => {
  const raw = await readRawBody(event, false)
  return handleStripeWebhook(raw, getRequestHeader(event, 'stripe-signature'))
})
