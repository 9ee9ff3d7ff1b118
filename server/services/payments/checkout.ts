/**
 * A customer pays an invoice online: a Stripe Checkout Session for what is left to pay, with the
 * invoice id in its metadata (the webhook finds the invoice by it). An open session that has
 * a while to run and is for the same amount is answered again instead of opening a second; one
 * lock per invoice keeps two clicks at once from opening two.
 */
import { and, desc, eq, gt } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { checkoutSessions, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { withLock } from '#server/lib/locks'
import type { CheckoutAnswer } from '#shared/schemas/payments'
import { activeGateway } from './gateway'
import { invoiceForCheckout } from './record'

/** A session with less than this left is not offered again (the customer needs time to pay). */
const MIN_LEFT_MS = 10 * 60_000

export async function openCheckout(invoiceId: string, user: User, origin: string): Promise<CheckoutAnswer> {
  const inv = await invoiceForCheckout(invoiceId, user)
  const gateway = await activeGateway()
  if (!gateway) throw httpError(409, 'Online payment is not available: no payment gateway is set up', 'checkout_unavailable')
  return withLock(`checkout:${inv.id}`, async () => {
    const db = await useDb()
    const [open] = await db.select().from(checkoutSessions)
      .where(and(eq(checkoutSessions.invoiceId, inv.id), eq(checkoutSessions.status, 'open'), eq(checkoutSessions.amountMinor, inv.dueMinor), eq(checkoutSessions.currency, inv.currency), gt(checkoutSessions.expiresAt, new Date(Date.now() + MIN_LEFT_MS))))
      .orderBy(desc(checkoutSessions.createdAt)).limit(1)
    if (open) {
      const live = await gateway.stripe.checkout.sessions.retrieve(open.id).catch(() => null)
      if (live?.status === 'open' && live.url) return { url: live.url, session_id: live.id, reused: true, expires_at: new Date(live.expires_at * 1000).toISOString() }
      await db.update(checkoutSessions).set({ status: live?.status === 'complete' ? 'complete' : 'expired' }).where(eq(checkoutSessions.id, open.id))
      if (live?.status === 'complete') throw httpError(409, 'This invoice was just paid; the payment is being recorded', 'invoice_not_payable')
    }
    const back = `${origin}${inv.pagePath}`
    const session = await gateway.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ quantity: 1, price_data: { currency: inv.currency.toLowerCase(), unit_amount: inv.dueMinor, product_data: { name: `Invoice ${inv.number}` } } }],
      metadata: { invoice_id: inv.id, invoice_number: inv.number },
      payment_intent_data: { metadata: { invoice_id: inv.id, invoice_number: inv.number } },
      client_reference_id: inv.id,
      customer_email: inv.email ?? undefined,
      success_url: `${back}?checkout=success`,
      cancel_url: `${back}?checkout=cancelled`,
    }).catch((e: Error) => { throw httpError(502, `Stripe refused to open a checkout: ${e.message}`, 'gateway_error') })
    if (!session.url) throw httpError(502, 'Stripe answered a checkout session without a URL', 'gateway_error')
    await db.insert(checkoutSessions).values({
      id: session.id, invoiceId: inv.id, gateway: 'stripe', url: session.url, amountMinor: inv.dueMinor, currency: inv.currency,
      status: 'open', expiresAt: new Date(session.expires_at * 1000),
    })
    return { url: session.url, session_id: session.id, reused: false, expires_at: new Date(session.expires_at * 1000).toISOString() }
  })
}
