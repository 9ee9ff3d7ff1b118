/** Sign-in and first-run setup. */
import { z } from 'zod'
import { LOCALES } from '#shared/schemas/users'
import { emailSchema, nameSchema, passwordSchema } from '../utils/schemas'

export const loginBody = z.object({
  email: z.string().trim().min(1, 'Email is required').max(254),
  password: z.string().min(1, 'Password is required').max(200),
  /** The authenticator code, or a recovery code, once 2FA is on. */
  code: z.string().trim().max(40).optional(),
})

export const setupBody = z.object({ email: emailSchema, password: passwordSchema, name: nameSchema })

export const passwordChangeBody = z.object({ current_password: z.string().min(1, 'Enter your current password').max(200), new_password: passwordSchema })

export const reauthBody = z.object({ password: z.string().max(200).optional(), code: z.string().trim().max(12).optional() })
  .refine(b => !!b.password || !!b.code, 'Enter your password or an authenticator code')

export const totpEnableBody = z.object({ code: z.string().trim().min(1, 'Enter the code from your app').max(12) })

export const totpDisableBody = z.object({ password: z.string().min(1, 'Enter your password').max(200), code: z.string().trim().min(1, 'Enter a code from your app or a recovery code').max(40) })

/** PATCH /api/auth/me: the caller's own preferences. */
export const updateMeBody = z.object({ locale: z.enum(LOCALES) }).strict()
