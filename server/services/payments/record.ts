/** TEMPORARY stub until h-bill's invoicing core is merged. */
import type { User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'

export async function invoiceForCheckout(_id: string, _user: User): Promise<{ id: string, number: string, currency: string, dueMinor: number, email: string | null, pagePath: string }> {
  throw httpError(404, 'No such invoice', 'invoice_not_found')
}

export async function recordGatewayPayment(_p: { invoiceId: string, amountMinor: number, currency: string, externalId: string, reference: string }): Promise<string> {
  return 'ignored: no such invoice'
}
