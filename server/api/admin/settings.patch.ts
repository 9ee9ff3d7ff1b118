import { getSettings, settingsSchema, updateSettings } from '#server/services/app-settings'
import { audit } from '#server/services/audit'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const body = await validBody(event, settingsSchema.partial())
  // Requiring 2FA for admins while having none yourself would send you straight to the set-up page.
  if (body.require_admin_2fa && !(await getSettings()).require_admin_2fa && !admin.totpEnabledAt) {
    throw httpError(400, 'Turn on two-factor authentication for your own account first (Account → Security)', 'totp_required_first')
  }
  const { settings, changed } = await updateSettings(body)
  if (changed.length) await audit({ userId: admin.id, action: 'settings.updated', details: Object.fromEntries(changed.map(k => [k, (settings as Record<string, unknown>)[k]])) })
  return settings
})
