/**
 * For the server wizard, reinstall and provisioning: make sure some public keys exist at one
 * provider account and get their upstream ids, in the order given, to pass as `sshKeyIds`.
 * Keys already there (matched by fingerprint) are reused, never added a second time.
 *
 *   const ids = await ensureKeysUpstream(account, keys.map(k => k.public_key))
 */
import { defaultSshKeyName, parsePublicKey } from '#shared/ssh'
import type { ProviderAccount } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { NotSupportedError } from '#server/providers/errors'
import { getDefinition } from '#server/providers/registry'
import { requireAccount } from '../provider-accounts'
import { ensureKeyAt } from './push'
import { sshKeysNote, supportsSshKeys } from './upstream'

export type KeyToEnsure = string | { name?: string, public_key: string }

export async function ensureKeysUpstream(account: ProviderAccount | string, publicKeys: KeyToEnsure[]): Promise<string[]> {
  const a = typeof account === 'string' ? await requireAccount(account) : account
  if (!supportsSshKeys(a)) throw new NotSupportedError(getDefinition(a.type)?.meta.displayName ?? a.type, 'SSH keys', sshKeysNote(a))
  // Every key is parsed before anything is sent upstream.
  const parsed = await Promise.all(publicKeys.map(async (k, i) => {
    const text = typeof k === 'string' ? k : k.public_key
    const r = await parsePublicKey(text)
    if (!r.ok) throw httpError(400, `SSH key ${i + 1}: ${r.error}`, r.code)
    const name = (typeof k === 'string' ? undefined : k.name?.trim()) || defaultSshKeyName(r.key)
    return { name, publicKey: r.key.normalized, fingerprint: r.key.fingerprint }
  }))
  const ids: string[] = []
  // One after another: the account lock serialises them anyway, and order is kept.
  for (const k of parsed) ids.push((await ensureKeyAt(a, k)).upstreamId)
  return ids
}
