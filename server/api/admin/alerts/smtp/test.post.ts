import { audit } from '#server/services/audit'
import { sendTestEmail } from '#server/services/alerts/email'

/** Mails the calling admin now and says whether the SMTP server took it. */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const r = await sendTestEmail({ email: admin.email, name: admin.name, locale: admin.locale })
  await audit({ userId: admin.id, action: 'alerts.smtp_tested', details: { ok: r.ok } })
  if (r.ok) return { status: 'sent' as const, to: admin.email }
  if (r.reason === 'smtp_off') throw httpError(409, 'Sending e-mail is off: turn it on and set a host and a from address first', 'smtp_off')
  throw httpError(502, `The SMTP server refused the mail: ${r.message}`, 'smtp_failed')
})
