/** Personal API tokens as the API answers them: never the token itself, but once, on creation. */
import { z } from 'zod'
import { isoDate, obj, uuid, type View } from './define'

export const apiToken = obj({
  id: uuid,
  name: z.string(),
  prefix: z.string(),
  scope: z.enum(['read', 'write']),
  created_at: isoDate,
  last_used_at: isoDate.nullable(),
  expires_at: isoDate.nullable(),
  revoked_at: isoDate.nullable(),
}).meta({ id: 'ApiToken' })
export type ApiToken = View<typeof apiToken>

export const createdApiToken = apiToken.extend({ token: z.string().meta({ description: 'The token itself: in this answer and nowhere else, ever' }) }).meta({ id: 'CreatedApiToken' })
export type CreatedApiToken = View<typeof createdApiToken>
