/**
 * Test-only (NUXT_TEST_ROUTES=1): hands a zone/domain to a customer in `zone_assignments`
 * directly, so the route-scoping test can give each customer a zone whether or not the DNS and
 * domains APIs are merged yet.
 */
import { useDb } from '#server/db/client'
import { zoneAssignments } from '#server/db/schema'
import { requireAccount } from '#server/services/provider-accounts'
import { zoneAssignmentBody as Body } from '#server/schemas/test-routes'
import { env } from '#server/lib/config'

export default defineEventHandler(async (event) => {
  if (!env().NUXT_TEST_ROUTES) throw httpError(404, 'Not found')
  await requireAdmin(event)
  const body = await validBody(event, Body)
  const account = await requireAccount(body.account)
  const db = await useDb()
  const [row] = await db.insert(zoneAssignments).values({ accountId: account.id, domain: body.domain.toLowerCase(), ownerId: body.owner_id })
    .onConflictDoUpdate({ target: [zoneAssignments.accountId, zoneAssignments.domain], set: { ownerId: body.owner_id } }).returning()
  setResponseStatus(event, 201)
  return row
})
