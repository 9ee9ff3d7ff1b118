import { useDb } from '../db/client'
import { auditLog } from '../db/schema'

export async function audit(entry: { userId?: string | null, action: string, target?: string, details?: Record<string, unknown>, ip?: string | null }) {
  const db = await useDb()
  await db.insert(auditLog).values({ userId: entry.userId ?? null, action: entry.action, target: entry.target, details: entry.details, ip: entry.ip ?? null })
}
