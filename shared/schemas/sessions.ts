/** The caller's browser sessions as GET /api/sessions answers them. */
import { z } from 'zod'
import { isoDate, obj, uuid, type View } from './define'

export const browserSession = obj({
  id: uuid,
  created_at: isoDate,
  last_seen_at: isoDate,
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  current: z.boolean().meta({ description: 'The session making this request' }),
}).meta({ id: 'BrowserSession' })
export type BrowserSession = View<typeof browserSession>
