/** Personal API tokens. */
import { z } from 'zod'

export const tokenCreateBody = z.object({
  name: z.string().trim().min(1, 'Name the token').max(80),
  expires_in_days: z.number().int().min(1).max(3650).optional(),
  /** `read`: GET only; `write`: what the user may do. Existing scripts that send no scope keep `write`. */
  scope: z.enum(['read', 'write']).default('write'),
})
