/**
 * SSH keys given as public-key text → the provider's key ids, pushing a key only when the
 * account does not hold it yet (matched by SHA256 fingerprint, whatever name it has upstream).
 */
import { parsePublicKey } from '#shared/ssh'
import type { BaseAdapter } from '#server/providers/base'
import { httpError } from '#server/lib/http-errors'

export interface PublicKeyInput { name: string, public_key: string }

async function fingerprintOf(text: string | null | undefined): Promise<string | null> {
  if (!text) return null
  const parsed = await parsePublicKey(text)
  return parsed.ok ? parsed.key.fingerprint : null
}

/**
 * `create: false` (a dry run) only looks keys up: a key the provider lacks is left out rather
 * than added, so validating changes nothing upstream.
 */
export async function upstreamKeyIds(adapter: BaseAdapter, keys: PublicKeyInput[], opts: { create?: boolean } = {}): Promise<string[]> {
  if (!keys.length) return []
  const wanted = []
  for (const [i, k] of keys.entries()) {
    const parsed = await parsePublicKey(k.public_key)
    if (!parsed.ok) throw httpError(400, `ssh_keys.${i}.public_key: ${parsed.error}`, 'invalid_ssh_key')
    wanted.push({ name: k.name.trim() || parsed.key.comment || `key ${parsed.key.fingerprint.slice(7, 15)}`, key: parsed.key })
  }
  const existing = new Map<string, string>()
  for (const k of await adapter.listSshKeys()) {
    const fp = (await fingerprintOf(k.public_key)) ?? (k.fingerprint?.startsWith('SHA256:') ? k.fingerprint : null)
    if (fp && !existing.has(fp)) existing.set(fp, k.id)
  }
  const ids: string[] = []
  for (const w of wanted) {
    let id = existing.get(w.key.fingerprint)
    if (!id && opts.create !== false) {
      id = (await adapter.addSshKey({ name: w.name, public_key: w.key.normalized })).id
      existing.set(w.key.fingerprint, id)
    }
    if (id && !ids.includes(id)) ids.push(id)
  }
  return ids
}
