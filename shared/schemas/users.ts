/** User accounts and the caller's own sign-in state, as the API answers them (snake_case, as the seed's API). */
import { z } from 'zod'
import { isoDate, obj, uuid, type View } from './define'

/** The panel's languages (i18n/locales/<code>/). */
export const LOCALES = ['en', 'ru'] as const
export type Locale = (typeof LOCALES)[number]

export const publicUser = obj({
  id: uuid,
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'customer']),
  disabled: z.boolean(),
  created_at: isoDate,
  last_login_at: isoDate.nullable(),
  locale: z.enum(LOCALES).nullable().meta({ description: 'The language the user chose for the panel and its messages; null until chosen (the browser\'s language applies)' }),
}).meta({ id: 'User' })
export type PublicUser = View<typeof publicUser>

/** GET /api/auth/me's user: the account plus its second-factor state. */
export const currentUser = publicUser.extend({
  totp_enabled: z.boolean(),
  must_enroll_totp: z.boolean().meta({ description: 'An admin who must set up 2FA (the admin setting) before using the panel' }),
  impersonator: obj({ id: uuid, name: z.string(), email: z.string() }).nullable().optional()
    .meta({ description: 'The admin signed in as this customer ("sign in as"); absent or null otherwise' }),
}).meta({ id: 'CurrentUser' })
export type CurrentUser = View<typeof currentUser>

export const setupStatus = obj({ needs_setup: z.boolean() })
export type SetupStatus = View<typeof setupStatus>
