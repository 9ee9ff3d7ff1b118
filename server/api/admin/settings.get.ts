import { getSettings } from '#server/services/app-settings'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  return getSettings()
})
