/**
 * The keychain: each user's own public keys, parsed and fingerprinted by shared/ssh. Another
 * user's key is answered as not found, never as forbidden, so ids reveal nothing.
 */
import { and, asc, eq } from 'drizzle-orm'
import { SSH_KEY_NAME_MAX_LENGTH, validateSshKeyInput } from '#shared/ssh'
import { useDb } from '#server/db/client'
import { sshKeys, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'

export type SshKeyRow = typeof sshKeys.$inferSelect

export interface KeyPresence { account: string, display_name: string, present: boolean, upstream_id: string | null, error?: string }

export function toPublicKey(k: SshKeyRow, presence: KeyPresence[] = []) {
  return {
    id: k.id,
    name: k.name,
    type: k.type,
    bits: k.bits,
    fingerprint: k.fingerprint,
    public_key: k.publicKey,
    created_at: k.createdAt,
    presence,
  }
}

export async function listOwnKeys(user: Pick<User, 'id'>): Promise<SshKeyRow[]> {
  const db = await useDb()
  return db.select().from(sshKeys).where(eq(sshKeys.userId, user.id)).orderBy(asc(sshKeys.createdAt), asc(sshKeys.name))
}

export async function requireOwnKey(user: Pick<User, 'id'>, id: string): Promise<SshKeyRow> {
  const db = await useDb()
  const [k] = await db.select().from(sshKeys).where(and(eq(sshKeys.id, id), eq(sshKeys.userId, user.id)))
  if (!k) throw httpError(404, 'No SSH key with this id in your keychain', 'ssh_key_not_found')
  return k
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string, cause?: { code?: string } }
  return err?.code === '23505' || err?.cause?.code === '23505'
}

/** Parses and stores a key; a private key, a bad key or a duplicate is refused with the reason. */
export async function addKey(user: Pick<User, 'id'>, body: unknown): Promise<SshKeyRow> {
  const v = await validateSshKeyInput(body)
  if (!v.ok) throw httpError(400, v.error, v.code ?? 'invalid_input')
  const { key, name } = v.value
  const db = await useDb()
  const [dup] = await db.select().from(sshKeys).where(and(eq(sshKeys.userId, user.id), eq(sshKeys.fingerprint, key.fingerprint)))
  if (dup) throw httpError(409, `This key is already in your keychain as "${dup.name}" (${key.fingerprint})`, 'duplicate_key')
  try {
    const [row] = await db.insert(sshKeys).values({
      userId: user.id, name, type: key.type, bits: key.bits, fingerprint: key.fingerprint, publicKey: key.normalized,
    }).returning()
    return row!
  }
  catch (e) {
    // Two identical adds at once: the unique index lets one through.
    if (isUniqueViolation(e)) throw httpError(409, `This key is already in your keychain (${key.fingerprint})`, 'duplicate_key')
    throw e
  }
}

export async function renameKey(user: Pick<User, 'id'>, id: string, name: string): Promise<SshKeyRow> {
  await requireOwnKey(user, id)
  const trimmed = name.trim()
  if (!trimmed) throw httpError(400, 'Name is required', 'invalid_input')
  if (trimmed.length > SSH_KEY_NAME_MAX_LENGTH) throw httpError(400, `Name must be at most ${SSH_KEY_NAME_MAX_LENGTH} characters`, 'invalid_input')
  const db = await useDb()
  const [row] = await db.update(sshKeys).set({ name: trimmed }).where(eq(sshKeys.id, id)).returning()
  return row!
}

export async function deleteKeyRow(id: string) {
  const db = await useDb()
  await db.delete(sshKeys).where(eq(sshKeys.id, id))
}
