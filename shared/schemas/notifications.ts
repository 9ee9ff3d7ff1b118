/** The caller's notices (failed syncs, low balance, expiring domains…), as the API answers them. */
import { z } from 'zod'
import { alertKind } from './alerts'
import { isoDate, obj, uuid, type View } from './define'

export const NOTIFICATION_LEVELS = ['info', 'success', 'warning', 'error'] as const

export const notification = obj({
  id: uuid,
  level: z.enum(NOTIFICATION_LEVELS),
  title: z.string().meta({ description: 'English text; the browser renders `kind` in the reader\'s language' }),
  body: z.string().nullable(),
  link: z.string().nullable(),
  kind: alertKind.nullable().meta({ description: 'What happened; null on notices older than alert kinds (title and body are their text)' }),
  params: z.record(z.string(), z.union([z.string(), z.number()])).meta({ description: 'The facts the kind\'s words are filled with' }),
  read_at: isoDate.nullable(),
  created_at: isoDate,
}).meta({ id: 'Notification' })
export type NotificationView = View<typeof notification>

export const notificationList = obj({ items: z.array(notification), unread: z.number().int() })
export type NotificationList = View<typeof notificationList>
