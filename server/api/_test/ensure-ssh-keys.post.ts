/** Test-only (NUXT_TEST_ROUTES=1): ensureKeysUpstream as the server wizard calls it. */
import { ensureKeysUpstream } from '#server/services/ssh-keys/ensure-upstream'
import { ensureSshKeysBody as Body } from '#server/schemas/test-routes'
import { env } from '#server/lib/config'

export default defineEventHandler(async (event) => {
  if (!env().NUXT_TEST_ROUTES) throw httpError(404, 'Not found')
  await requireAdmin(event)
  const { account, public_keys } = await validBody(event, Body)
  return { ids: await ensureKeysUpstream(account, public_keys) }
})
