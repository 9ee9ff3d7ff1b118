import type { H3Event } from 'h3'
import { getRequestURL } from 'h3'

/** Where Stripe should send events for this panel: this request's origin and the webhook route. */
export function webhookUrlFor(event: H3Event): string {
  return `${getRequestURL(event, { xForwardedHost: true, xForwardedProto: true }).origin}/api/webhooks/stripe`
}
