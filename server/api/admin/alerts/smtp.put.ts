import { audit } from '#server/services/audit'
import { saveSmtpSettings, smtpSettingsBody as Body } from '#server/services/alerts/email'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const body = await validBody(event, Body)
  const { settings, changed } = await saveSmtpSettings(body)
  // Which fields changed, never their values (the password least of all).
  if (changed.length) await audit({ userId: admin.id, action: 'alerts.smtp_updated', details: { changed } })
  return settings
})
