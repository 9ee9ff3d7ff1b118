/**
 * Webhook signatures. A receiver recomputes HMAC-SHA256 over "<X-Timestamp>.<raw body>" with the
 * endpoint's secret and compares it with X-Signature ("sha256=<hex>"); the timestamp lets it
 * refuse replays of old deliveries.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
}

export function verifyWebhook(secret: string, timestamp: string | number, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), body))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

export function newWebhookSecret(): string {
  return 'whsec_' + randomBytes(24).toString('hex')
}
