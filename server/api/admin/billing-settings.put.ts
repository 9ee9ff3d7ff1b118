import { billingSettingsSchema, updateBillingSettings } from '#server/services/invoicing/settings'
import { audit } from '#server/services/audit'

/** Admins: changes the seller, the payment term or (as a whole list) the tax rates. */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const body = await validBody(event, billingSettingsSchema)
  const settings = await updateBillingSettings(body)
  await audit({ userId: admin.id, action: 'billing.settings_updated', details: { fields: Object.keys(body) } })
  return settings
})
