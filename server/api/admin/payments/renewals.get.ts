import { renewalSettings } from '#server/services/payments/renewal-settings'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  return renewalSettings()
})
