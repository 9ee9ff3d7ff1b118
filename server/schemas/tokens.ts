/** Personal API tokens. */
import { z } from 'zod'

export const tokenCreateBody = z.object({ name: z.string().trim().min(1, 'Name the token').max(80), expires_in_days: z.number().int().min(1).max(3650).optional() })
