/**
 * The SSH keys one provider account holds, with fingerprints we compute ourselves: upstreams
 * report none (VirtFusion, Inferno), or in their own format, so keys are matched by the
 * SHA-256 of the key blob, the way `ssh-keygen -lf` prints it.
 */
import { asc } from 'drizzle-orm'
import { base64Decode, fingerprintSha256 } from '#shared/ssh'
import { useDb } from '#server/db/client'
import { providerAccounts, type ProviderAccount } from '#server/db/schema'
import { getDefinition } from '#server/providers/registry'
import type { UpstreamSshKey } from '#server/providers/types'
import { adapterFor } from '../provider-accounts'
import { withLock } from '#server/lib/locks'

export interface UpstreamKey { id: string, name: string, fingerprint: string | null, public_key: string | null }

export function supportsSshKeys(account: Pick<ProviderAccount, 'type'>): boolean {
  return getDefinition(account.type)?.meta.capabilities.ssh_keys?.supported === true
}

export function sshKeysNote(account: Pick<ProviderAccount, 'type'>): string | undefined {
  return getDefinition(account.type)?.meta.capabilities.ssh_keys?.note
}

/** Every account whose provider has SSH keys, oldest first (the order of the providers page). */
export async function sshAccounts(): Promise<ProviderAccount[]> {
  const db = await useDb()
  const rows = await db.select().from(providerAccounts).orderBy(asc(providerAccounts.createdAt))
  return rows.filter(supportsSshKeys)
}

/**
 * Fingerprint of a key text's blob, even for keys our keychain would refuse (a 1024-bit RSA
 * key upstream must still be recognised), or null when the text holds no key.
 */
export async function fingerprintOfText(text: string | null | undefined): Promise<string | null> {
  const b64 = text?.trim().split(/\s+/)[1]
  if (!b64) return null
  const blob = base64Decode(b64)
  if (!blob || blob.length < 16) return null
  return fingerprintSha256(blob)
}

async function normalize(k: UpstreamSshKey): Promise<UpstreamKey> {
  const computed = await fingerprintOfText(k.public_key)
  const reported = k.fingerprint?.startsWith('SHA256:') ? k.fingerprint : null
  return { id: String(k.id), name: k.name, fingerprint: computed ?? reported, public_key: k.public_key }
}

/**
 * Concurrent reads of one account share one upstream call (a page load asks for the keychain
 * and the presence at once). A change forgets the shared read so the next one is fresh.
 */
const reads = new Map<string, Promise<UpstreamKey[]>>()

export function listUpstreamKeys(account: ProviderAccount): Promise<UpstreamKey[]> {
  let p = reads.get(account.id)
  if (!p) {
    p = adapterFor(account).listSshKeys().then(list => Promise.all(list.map(normalize)))
    reads.set(account.id, p)
    const drop = () => { if (reads.get(account.id) === p) reads.delete(account.id) }
    p.then(drop, drop)
  }
  return p
}

export function forgetUpstreamKeys(accountId: string) {
  reads.delete(accountId)
}

/**
 * One change at a time per account, across every app instance (a PostgreSQL advisory lock): two
 * pushes of the same key must not both see it missing and both add it. The shared read is
 * forgotten on entry too, so the holder lists the keys as they are now.
 */
export async function withAccountLock<T>(accountId: string, fn: () => Promise<T>): Promise<T> {
  return withLock(`ssh-keys:${accountId}`, async () => {
    forgetUpstreamKeys(accountId)
    try { return await fn() }
    finally { forgetUpstreamKeys(accountId) }
  })
}
