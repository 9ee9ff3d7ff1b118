import { createApiToken } from '#server/services/api-tokens'
import { audit } from '#server/services/audit'
import { tokenCreateBody as Body } from '#server/schemas/tokens'
import type { CreatedApiToken } from '#shared/schemas/tokens'

/** The token is in this answer and nowhere else, ever. */
export default defineEventHandler(async (event): Promise<CreatedApiToken> => {
  const user = await requireUser(event)
  const body = await validBody(event, Body)
  const { token, record } = await createApiToken(user.id, body.name, body.expires_in_days, body.scope)
  await audit({ userId: user.id, action: 'token.created', target: record.prefix, details: { scope: record.scope, expires_at: record.expires_at } })
  setResponseStatus(event, 201)
  return { token, ...record }
})
