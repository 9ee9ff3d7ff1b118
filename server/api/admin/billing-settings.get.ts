import { getBillingSettings } from '#server/services/invoicing/settings'

/** Admins: the seller on invoices, the payment term and the tax rate per country. */
export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  return getBillingSettings()
})
