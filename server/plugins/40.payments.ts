/**
 * Online payments join the invoicing core: the invoice view asks whether Stripe Checkout is on,
 * and a paid invoice runs the renewals' hook (extend the period, lift a suspension for non-payment).
 */
import { checkoutAvailability } from '../services/invoicing/invoices'
import { paidHooks } from '../services/invoicing/payments'
import { checkoutAvailableNow, refreshCheckoutAvailable } from '../services/payments/gateway'
import { renewalPaid } from '../services/payments/renewals'

export default defineNitroPlugin(() => {
  checkoutAvailability.check = () => checkoutAvailableNow()
  paidHooks.push(invoice => renewalPaid(invoice.id))
  void refreshCheckoutAvailable().catch(() => undefined)
})
