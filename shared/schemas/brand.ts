/** The brand (white label) as the API answers it: public, the portal renders with it before sign-in. */
import { z } from 'zod'
import { obj, type View } from './define'

export const brand = obj({
  name: z.string().meta({ description: 'The product name shown in the app bar, page titles, the login page and e-mails' }),
  primary_color: z.string().meta({ description: '#rrggbb, reads under white text (4.5:1)' }),
  secondary_color: z.string(),
  primary_color_dark: z.string().meta({ description: 'The shade the dark theme uses (lightened until it reads on the dark surfaces)' }),
  secondary_color_dark: z.string(),
  support_email: z.string(),
  support_url: z.string(),
  portal_domain: z.string().meta({ description: 'The domain the portal is served on (links in e-mails)' }),
  logo_url: z.string().nullable().meta({ description: 'The logo (cached; the `v` changes with the image), or null' }),
}).meta({ id: 'Brand' })
export type BrandView = View<typeof brand>
