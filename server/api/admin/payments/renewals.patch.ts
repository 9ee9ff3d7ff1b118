import { renewalSettingsSchema, updateRenewalSettings } from '#server/services/payments/renewal-settings'
import { audit } from '#server/services/audit'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const body = await validBody(event, renewalSettingsSchema.partial())
  const { settings, changed } = await updateRenewalSettings(body)
  if (changed.length) await audit({ userId: admin.id, action: 'billing.renewal_settings_updated', details: Object.fromEntries(changed.map(k => [k, settings[k as keyof typeof settings]])) })
  return settings
})
