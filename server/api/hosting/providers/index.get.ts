import { listAccounts } from '#server/services/provider-accounts'

/** Seed shape `{ name, display_name, connected }`, plus type, capabilities, masked credentials and the last test. */
export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  return listAccounts()
})
