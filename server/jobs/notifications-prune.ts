/** Read notifications older than 90 days are removed daily, so the panel stays quick to open. */
import { and, isNotNull, lt } from 'drizzle-orm'
import { useDb } from '../db/client'
import { notifications } from '../db/schema'
import { defineJob } from '../lib/jobs'

export default defineJob('notifications.prune', async () => {
  const db = await useDb()
  await db.delete(notifications).where(and(isNotNull(notifications.readAt), lt(notifications.readAt, new Date(Date.now() - 90 * 86_400_000))))
}, { schedule: '17 3 * * *' })
