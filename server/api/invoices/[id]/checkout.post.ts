import { getRequestURL } from 'h3'
import { idParams } from '#server/schemas/common'
import { openCheckout } from '#server/services/payments/checkout'

/** The customer's own open invoice → a Stripe Checkout URL to pay what is left on it. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, idParams)
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return openCheckout(id, user, getRequestURL(event, { xForwardedHost: true, xForwardedProto: true }).origin)
})
