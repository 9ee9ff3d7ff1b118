/** A sign-in from an address this account has not signed in from before alerts its owner (login_new_ip). */
import { and, eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { auditLog } from '#server/db/schema'
import { notifyUser } from './emit'

/** Call before the sign-in itself is written to the audit log. The very first sign-in is no news. */
export async function alertIfNewAddress(userId: string, ip: string | null | undefined): Promise<boolean> {
  if (!ip) return false
  const db = await useDb()
  const ok = and(eq(auditLog.userId, userId), eq(auditLog.action, 'auth.login'), eq(auditLog.result, 'success'))
  const [before] = await db.select({ id: auditLog.id }).from(auditLog).where(ok).limit(1)
  if (!before) return false
  const [seen] = await db.select({ id: auditLog.id }).from(auditLog).where(and(ok, eq(auditLog.ip, ip))).limit(1)
  if (seen) return false
  await notifyUser(userId, { kind: 'login_new_ip', params: { ip }, link: '/account/security', dedupeKey: `login-ip:${userId}:${ip}`, repeat: 'once' })
  return true
}
