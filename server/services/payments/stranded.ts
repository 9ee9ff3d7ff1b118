/**
 * Money the gateway took for an invoice that no longer takes it (paid meanwhile, e.g. by bank
 * transfer, or voided; or paid in another currency). It must not vanish into a log: the amount
 * goes to the invoice customer's credit balance, in the currency paid, exactly once per gateway
 * payment (the ledger's unique idempotency key `gateway:<external id>`, the same guard admin
 * top-ups use), and the admins get a notice to decide (refund it at Stripe, or leave the credit).
 * A payment naming no invoice we know cannot be credited to anyone: only the notice goes out.
 */
import { eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { creditLedger, invoices, users } from '#server/db/schema'
import { formatMinor } from '#shared/billing/format'
import { notifyAdmins } from '../notifications'

export interface GatewayPayment { invoiceId: string, amountMinor: number, currency: string, externalId: string, reference: string }

export async function strandedPayment(p: GatewayPayment, why: string): Promise<string> {
  const db = await useDb()
  const [inv] = await db.select({ id: invoices.id, number: invoices.number, status: invoices.status, customerId: invoices.customerId, name: users.name, email: users.email })
    .from(invoices).innerJoin(users, eq(users.id, invoices.customerId)).where(eq(invoices.id, p.invoiceId))
  let credited = false
  if (inv && p.amountMinor > 0 && /^[A-Z]{3}$/.test(p.currency)) {
    const rows = await db.insert(creditLedger).values({
      userId: inv.customerId, currency: p.currency, amountMinor: p.amountMinor, reason: 'top_up', ref: `stripe:${p.externalId}`, idempotencyKey: `gateway:${p.externalId}`,
    }).onConflictDoNothing({ target: creditLedger.idempotencyKey }).returning({ id: creditLedger.id })
    credited = rows.length > 0
    if (!credited) return `already credited: ${why}`
  }
  await notifyAdmins({
    kind: 'payment_needs_review',
    link: inv ? `/invoices/${inv.id}` : '/admin/payments',
    dedupeKey: `payment_needs_review:${p.externalId}`,
    repeat: 'once',
    params: {
      amount: formatMinor(p.amountMinor, p.currency, 'en'), reference: p.externalId, number: inv?.number ?? p.invoiceId,
      status: inv?.status ?? 'missing', customer: inv ? (inv.name || inv.email) : '—',
    },
  }).catch(e => console.error(`[payments] the payment_needs_review alert for ${p.externalId} failed:`, (e as Error).message))
  return credited ? `credited to the customer: ${why}` : `needs review: ${why}`
}
