/** Test-only (NUXT_TEST_ROUTES=1): ensureKeysUpstream as the server wizard calls it. */
import { ensureKeysUpstream } from '../../services/ssh-keys/ensure-upstream'
import { ensureSshKeysBody as Body } from '../../schemas/test-routes'

export default defineEventHandler(async (event) => {
  if (process.env.NUXT_TEST_ROUTES !== '1') throw httpError(404, 'Not found')
  await requireAdmin(event)
  const { account, public_keys } = await validBody(event, Body)
  return { ids: await ensureKeysUpstream(account, public_keys) }
})
