/**
 * `ssh_key_upstreams`: which upstream key id a keychain key has at each account. Written when
 * we push or find a key, dropped when we remove it; every keychain holding the same
 * fingerprint points at the same upstream key.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { sshKeys, sshKeyUpstreams } from '#server/db/schema'

export async function linkFingerprint(fingerprint: string, accountId: string, upstreamKeyId: string) {
  const db = await useDb()
  const keys = await db.select({ id: sshKeys.id }).from(sshKeys).where(eq(sshKeys.fingerprint, fingerprint))
  if (!keys.length) return
  await db.insert(sshKeyUpstreams)
    .values(keys.map(k => ({ keyId: k.id, accountId, upstreamKeyId })))
    .onConflictDoUpdate({ target: [sshKeyUpstreams.keyId, sshKeyUpstreams.accountId], set: { upstreamKeyId } })
}

export async function unlinkFingerprint(fingerprint: string, accountId: string) {
  const db = await useDb()
  const keys = await db.select({ id: sshKeys.id }).from(sshKeys).where(eq(sshKeys.fingerprint, fingerprint))
  if (!keys.length) return
  await db.delete(sshKeyUpstreams).where(and(eq(sshKeyUpstreams.accountId, accountId), inArray(sshKeyUpstreams.keyId, keys.map(k => k.id))))
}

export async function unlinkUpstreamId(accountId: string, upstreamKeyId: string) {
  const db = await useDb()
  await db.delete(sshKeyUpstreams).where(and(eq(sshKeyUpstreams.accountId, accountId), eq(sshKeyUpstreams.upstreamKeyId, upstreamKeyId)))
}

/** Account ids a key was recorded at. */
export async function linkedAccountIds(keyId: string): Promise<string[]> {
  const db = await useDb()
  const rows = await db.select({ accountId: sshKeyUpstreams.accountId }).from(sshKeyUpstreams).where(eq(sshKeyUpstreams.keyId, keyId))
  return rows.map(r => r.accountId)
}

/**
 * Brings the recorded links of some keys at one account in line with a fresh upstream listing:
 * keys found there are linked (also ones added outside this app), the others unlinked.
 */
export async function reconcileLinks(accountId: string, keys: { id: string, fingerprint: string }[], found: Map<string, string>) {
  if (!keys.length) return
  const db = await useDb()
  const present = keys.filter(k => found.has(k.fingerprint))
  const absent = keys.filter(k => !found.has(k.fingerprint))
  if (present.length) {
    for (const k of present) {
      await db.insert(sshKeyUpstreams)
        .values({ keyId: k.id, accountId, upstreamKeyId: found.get(k.fingerprint)! })
        .onConflictDoUpdate({ target: [sshKeyUpstreams.keyId, sshKeyUpstreams.accountId], set: { upstreamKeyId: found.get(k.fingerprint)! } })
    }
  }
  if (absent.length) {
    await db.delete(sshKeyUpstreams).where(and(eq(sshKeyUpstreams.accountId, accountId), inArray(sshKeyUpstreams.keyId, absent.map(k => k.id))))
  }
}
