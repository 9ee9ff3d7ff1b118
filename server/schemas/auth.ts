/** Sign-in and first-run setup. */
import { z } from 'zod'
import { emailSchema, nameSchema, passwordSchema } from '../utils/schemas'

export const loginBody = z.object({
  email: z.string().trim().min(1, 'Email is required').max(254),
  password: z.string().min(1, 'Password is required').max(200),
  /** The authenticator code, or a recovery code, once 2FA is on. */
  code: z.string().trim().max(40).optional(),
})

export const setupBody = z.object({ email: emailSchema, password: passwordSchema, name: nameSchema })
