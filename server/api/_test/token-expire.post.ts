/** Test-only (NUXT_TEST_ROUTES=1): let one of the caller's API tokens run out now. */
import { and, eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { apiTokens } from '#server/db/schema'
import { tokenExpireBody } from '#server/schemas/test-routes'
import { env } from '#server/lib/config'

export default defineEventHandler(async (event) => {
  if (!env().NUXT_TEST_ROUTES) throw httpError(404, 'Not found')
  const user = await requireUser(event)
  const { id } = await validBody(event, tokenExpireBody)
  const db = await useDb()
  const rows = await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, user.id))).returning()
  if (!rows.length) throw httpError(404, 'Token not found')
  return { status: 'expired' }
})
