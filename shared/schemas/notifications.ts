/** The caller's notices (failed syncs, low balance, expiring domains…), as the API answers them. */
import { z } from 'zod'
import { isoDate, obj, uuid, type View } from './define'

export const NOTIFICATION_LEVELS = ['info', 'success', 'warning', 'error'] as const

export const notification = obj({
  id: uuid,
  level: z.enum(NOTIFICATION_LEVELS),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  read_at: isoDate.nullable(),
  created_at: isoDate,
}).meta({ id: 'Notification' })
export type NotificationView = View<typeof notification>

export const notificationList = obj({ items: z.array(notification), unread: z.number().int() })
export type NotificationList = View<typeof notificationList>
