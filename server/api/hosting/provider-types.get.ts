import { providerTypes } from '#server/services/provider-accounts'

/** Metadata the add/edit dialog is built from: fields, settings with defaults, capabilities. */
export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  return providerTypes()
})
