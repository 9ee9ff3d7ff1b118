/** User accounts as the API answers them (camelCase dates: the users routes' own, documented shape). */
import { z } from 'zod'
import { isoDate, obj, uuid, type View } from './define'

export const publicUser = obj({
  id: uuid,
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'customer']),
  disabled: z.boolean(),
  createdAt: isoDate,
  lastLoginAt: isoDate.nullable(),
}).meta({ id: 'User' })
export type PublicUser = View<typeof publicUser>
