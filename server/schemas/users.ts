/** Users (admins manage customers and other admins). */
import { z } from 'zod'
import { emailSchema, nameSchema, passwordSchema, uuidParam } from '../utils/schemas'

export const userRole = z.enum(['admin', 'customer'])

export const userListQuery = z.object({ role: userRole.optional(), q: z.string().max(100).optional() })

export const userCreateBody = z.object({ email: emailSchema, name: nameSchema, password: passwordSchema, role: userRole.default('customer') })

export const userParams = z.object({ id: uuidParam })

export const userPatchBody = z.object({
  email: emailSchema.optional(),
  name: nameSchema.optional(),
  password: passwordSchema.optional(),
  disabled: z.boolean().optional(),
  role: userRole.optional(),
}).strict()
