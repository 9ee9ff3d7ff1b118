import { z } from 'zod'
import { createApiToken } from '../../services/api-tokens'
import { audit } from '../../services/audit'

const Body = z.object({
  name: z.string().trim().min(1, 'Name the token').max(80),
  expires_in_days: z.number().int().min(1).max(3650).optional(),
  /** `read`: GET only; `write`: what the user may do. Existing scripts that send no scope keep `write`. */
  scope: z.enum(['read', 'write']).default('write'),
})

/** The token is in this answer and nowhere else, ever. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await validBody(event, Body)
  const { token, record } = await createApiToken(user.id, body.name, body.expires_in_days, body.scope)
  await audit({ userId: user.id, action: 'token.created', target: record.prefix, details: { scope: record.scope, expiresAt: record.expiresAt } })
  setResponseStatus(event, 201)
  return { token, ...record }
})
