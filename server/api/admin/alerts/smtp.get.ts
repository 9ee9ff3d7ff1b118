import { getSmtpSettings } from '#server/services/alerts/email'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  return getSmtpSettings()
})
