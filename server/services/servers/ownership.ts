/** Admin changes to a server row: who owns it, and the admin lock. */
import { eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { servers, users } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { loadServer } from './inventory'

export interface ServerPatch { owner_id?: string | null, admin_locked?: boolean, lock_reason?: string | null }

export async function requireOwner(ownerId: string) {
  const db = await useDb()
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.id, ownerId))
  if (!u) throw httpError(400, `No user with id ${ownerId}`, 'owner_not_found')
  return u.id
}

export async function patchServer(id: string, patch: ServerPatch) {
  const db = await useDb()
  await loadServer(id, { id: '', role: 'admin' })
  const set: Partial<typeof servers.$inferInsert> = { updatedAt: new Date() }
  if (patch.owner_id !== undefined) set.ownerId = patch.owner_id === null ? null : await requireOwner(patch.owner_id)
  if (patch.admin_locked !== undefined) {
    set.adminLockedAt = patch.admin_locked ? new Date() : null
    set.adminLockReason = patch.admin_locked ? (patch.lock_reason?.trim() || null) : null
  }
  else if (patch.lock_reason !== undefined) set.adminLockReason = patch.lock_reason?.trim() || null
  await db.update(servers).set(set).where(eq(servers.id, id))
}
