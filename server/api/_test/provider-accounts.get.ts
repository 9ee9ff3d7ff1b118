/**
 * Test-only (NUXT_TEST_ROUTES=1): the raw provider_accounts rows, so a test can prove what is
 * stored at rest without opening the embedded database beside the running app.
 */
import { useDb } from '#server/db/client'
import { providerAccounts } from '#server/db/schema'
import { env } from '#server/lib/config'

export default defineEventHandler(async (event) => {
  if (!env().NUXT_TEST_ROUTES) throw httpError(404, 'Not found')
  await requireAdmin(event)
  const db = await useDb()
  return db.select().from(providerAccounts)
})
