/**
 * Where online payments meet the invoicing core (services/invoicing): which invoice a customer
 * may pay online and how much is left on it, and recording a gateway's payment through the one
 * `recordPayment` (exactly once per external id), whose paid hooks then start the order or lift
 * a suspension.
 */
import { eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { users, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { loadInvoice } from '../invoicing/invoices'
import { recordPayment } from '../invoicing/payments'
import { strandedPayment, type GatewayPayment } from './stranded'

export interface CheckoutInvoice { id: string, number: string, currency: string, dueMinor: number, email: string | null, pagePath: string }

/** The caller's own open invoice with something left to pay; others' are as absent as missing ones. */
export async function invoiceForCheckout(id: string, user: User): Promise<CheckoutInvoice> {
  const inv = await loadInvoice(id, user)
  if (inv.customerId !== user.id) throw httpError(403, 'Only the invoice\'s customer pays it online', 'forbidden')
  if (inv.kind !== 'invoice' || !['open', 'overdue'].includes(inv.status)) throw httpError(409, `This invoice is ${inv.status}: it takes no payment`, 'invoice_not_payable')
  const dueMinor = inv.totalMinor - inv.paidMinor
  if (dueMinor <= 0) throw httpError(409, `This invoice is ${inv.status}: it takes no payment`, 'invoice_not_payable')
  const db = await useDb()
  const [u] = await db.select({ email: users.email }).from(users).where(eq(users.id, user.id))
  return { id: inv.id, number: inv.number ?? inv.id, currency: inv.currency, dueMinor, email: u?.email ?? null, pagePath: `/invoices/${inv.id}` }
}

/**
 * One payment for one gateway payment (`externalId`): a repeat answers the first. Refusals that
 * a retry cannot fix are answered as outcomes, so the gateway stops retrying; money that arrived
 * for an invoice that takes none (already paid, void, another currency) is kept for the customer
 * as credit (`strandedPayment`), and the admins are asked to look.
 */
export async function recordGatewayPayment(p: GatewayPayment): Promise<string> {
  try {
    const r = await recordPayment({ invoiceId: p.invoiceId, amountMinor: p.amountMinor, currency: p.currency, method: 'stripe', externalId: p.externalId, reference: p.reference })
    return r.created ? (r.becamePaid ? 'paid' : 'partly paid') : 'payment already recorded'
  }
  catch (e) {
    const code = (e as { data?: { code?: string } }).data?.code
    if (code === 'invoice_not_found' || code === 'invoice_not_payable' || code === 'currency_mismatch') {
      console.warn(`[payments] Stripe payment ${p.externalId} for invoice ${p.invoiceId} not recorded: ${(e as Error).message}`)
      return strandedPayment(p, code)
    }
    throw e
  }
}
