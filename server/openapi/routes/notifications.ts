import { z } from 'zod'
import { idParams } from '#server/schemas/common'
import { defineRoutes, obj } from '../define'
import { notificationList } from '#shared/schemas/notifications'

export default defineRoutes('Notifications', 'Notices for the caller (failed syncs, low balance, expiring domains…)', [
  { method: 'get', path: '/api/notifications', access: 'user', summary: 'Your latest 50 notices and the unread count', answers: { 200: { description: 'Notices', schema: notificationList } } },
  { method: 'post', path: '/api/notifications/{id}/read', access: 'user', summary: 'Mark one notice read', params: idParams, answers: { 200: { description: 'Marked', schema: obj({ updated: z.number().int().meta({ description: 'How many notices were marked' }) }) } } },
  { method: 'post', path: '/api/notifications/read-all', access: 'user', summary: 'Mark every notice read', answers: { 200: { description: 'Marked', schema: obj({ updated: z.number().int().meta({ description: 'How many notices were marked' }) }) } } },
])
