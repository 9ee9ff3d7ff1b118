/**
 * Putting keychain keys at providers and taking them off again. A key is matched by
 * fingerprint against the account's key list first, so it is never added twice, and an add
 * that fails is checked against a second listing (another client may have added it meanwhile).
 */
import type { ProviderAccount, User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { isProviderError, NotSupportedError } from '#server/providers/errors'
import { getDefinition } from '#server/providers/registry'
import { adapterFor, getAccountById, requireAccount } from '../provider-accounts'
import type { SshKeyRow } from './keychain'
import { deleteKeyRow } from './keychain'
import { linkedAccountIds, linkFingerprint, unlinkFingerprint } from './links'
import { forgetUpstreamKeys, listUpstreamKeys, sshAccounts, sshKeysNote, supportsSshKeys, withAccountLock } from './upstream'

export type PushStatus = 'added' | 'already_present' | 'failed' | 'not_supported'
export interface PushResult { account: string, display_name: string, status: PushStatus, upstream_id?: string, error?: string }

function notSupported(account: ProviderAccount) {
  return new NotSupportedError(getDefinition(account.type)?.meta.displayName ?? account.type, 'SSH keys', sshKeysNote(account))
}

function message(e: unknown): string {
  return isProviderError(e) ? e.message : (e as Error)?.message ?? 'Unknown error'
}

/**
 * The upstream key that is this key: same fingerprint, or (where the provider's list gives no
 * key text, so no fingerprint, as Inferno's `sshkey.list` documents only id and name) same name.
 */
function sameKey<K extends { fingerprint?: string | null, name?: string | null }>(keys: K[], key: { name: string, fingerprint: string }): K | undefined {
  return keys.find(k => k.fingerprint === key.fingerprint) ?? keys.find(k => !k.fingerprint && k.name === key.name)
}

/** Adds one key to one account unless it is there already. Returns its upstream id. */
export async function ensureKeyAt(account: ProviderAccount, key: { name: string, publicKey: string, fingerprint: string }): Promise<{ status: 'added' | 'already_present', upstreamId: string }> {
  return withAccountLock(account.id, async () => {
    const found = sameKey(await listUpstreamKeys(account), key)
    if (found) {
      await linkFingerprint(key.fingerprint, account.id, found.id)
      return { status: 'already_present' as const, upstreamId: found.id }
    }
    try {
      const added = await adapterFor(account).addSshKey({ name: key.name, public_key: key.publicKey })
      await linkFingerprint(key.fingerprint, account.id, added.id)
      return { status: 'added' as const, upstreamId: added.id }
    }
    catch (e) {
      // A refusal may mean the key got there meanwhile ("already exists"); a lost answer may
      // mean our add went through. Either way, look again before calling it a failure.
      if (!isProviderError(e) || e.code === 'not_supported') throw e
      forgetUpstreamKeys(account.id)
      const again = sameKey(await listUpstreamKeys(account).catch(() => []), key)
      if (!again) throw e
      await linkFingerprint(key.fingerprint, account.id, again.id)
      const ours = e.code === 'timeout' || e.code === 'network_error'
      return { status: ours ? 'added' as const : 'already_present' as const, upstreamId: again.id }
    }
  })
}

export async function pushKey(key: SshKeyRow, slugs: string[]): Promise<PushResult[]> {
  const unique = [...new Set(slugs)]
  // Every name is checked before anything is sent upstream.
  const accounts = await Promise.all(unique.map(s => requireAccount(s)))
  // One account after another: two accounts may be the same upstream.
  const results: PushResult[] = []
  for (const account of accounts) results.push(await pushOne(account, key))
  return results
}

async function pushOne(account: ProviderAccount, key: SshKeyRow): Promise<PushResult> {
  const base = { account: account.slug, display_name: account.displayName }
  if (!supportsSshKeys(account)) return { ...base, status: 'not_supported', error: notSupported(account).message }
  try {
    const r = await ensureKeyAt(account, key)
    return { ...base, status: r.status, upstream_id: r.upstreamId }
  }
  catch (e) {
    if (isProviderError(e) && e.code === 'not_supported') return { ...base, status: 'not_supported', error: e.message }
    return { ...base, status: 'failed', error: message(e) }
  }
}

export type RemoveStatus = 'removed' | 'not_present' | 'failed'
export interface RemoveResult { account: string, display_name: string, status: RemoveStatus, upstream_ids?: string[], error?: string }

/** Deletes every upstream key with this fingerprint at one account; returns their ids. */
function deleteMatches(account: ProviderAccount, fingerprint: string): Promise<string[]> {
  return withAccountLock(account.id, async () => {
    const matches = (await listUpstreamKeys(account)).filter(k => k.fingerprint === fingerprint)
    const adapter = adapterFor(account)
    for (const m of matches) {
      try { await adapter.deleteSshKey(m.id) }
      catch (e) {
        // Gone already: another account pointing at the same upstream, or another client, got there first.
        if (!isProviderError(e) || e.code !== 'not_found') throw e
      }
    }
    await unlinkFingerprint(fingerprint, account.id)
    return matches.map(m => m.id)
  })
}

function removed(account: ProviderAccount, ids: string[]): RemoveResult {
  const base = { account: account.slug, display_name: account.displayName }
  return ids.length ? { ...base, status: 'removed', upstream_ids: ids } : { ...base, status: 'not_present' }
}

/** DELETE /api/ssh-keys/:id/providers/:provider. Provider errors keep their status. */
export async function removeFromAccount(key: SshKeyRow, slug: string): Promise<RemoveResult> {
  const account = await requireAccount(slug)
  if (!supportsSshKeys(account)) {
    throw notSupported(account)
  }
  return removed(account, await deleteMatches(account, key.fingerprint))
}

async function removeAt(account: ProviderAccount, fingerprint: string): Promise<RemoveResult> {
  try { return removed(account, await deleteMatches(account, fingerprint)) }
  catch (e) { return { account: account.slug, display_name: account.displayName, status: 'failed', error: message(e) } }
}

/**
 * Deletes a key from the keychain, and with `everywhere` from providers first: admins from
 * every SSH-capable account, customers from the accounts it was put at for them. Accounts are
 * done one after another, since two of them may be the same upstream. If an account where the
 * key is known to be fails, the key stays in the keychain so the removal can be retried; an
 * account that cannot even be read and never had the key does not block.
 */
export async function deleteKey(user: Pick<User, 'role'>, key: SshKeyRow, everywhere: boolean) {
  if (!everywhere) {
    await deleteKeyRow(key.id)
    return { status: 'deleted' as const, providers: [] as RemoveResult[], removed: 0 }
  }
  const linked = new Set(await linkedAccountIds(key.id))
  const accounts = user.role === 'admin'
    ? await sshAccounts()
    : (await Promise.all([...linked].map(getAccountById))).filter((a): a is ProviderAccount => !!a && supportsSshKeys(a))
  const results: RemoveResult[] = []
  for (const a of accounts) results.push(await removeAt(a, key.fingerprint))
  const blocking = results.filter((r, i) => r.status === 'failed' && linked.has(accounts[i]!.id))
  if (blocking.length) {
    const where = user.role === 'admin' ? blocking.map(f => `${f.display_name}: ${f.error}`).join('; ') : `${blocking.length} provider${blocking.length === 1 ? '' : 's'} did not answer`
    throw httpError(502, `The key could not be removed everywhere (${where}). It stays in your keychain so you can try again.`, 'upstream_failed')
  }
  await deleteKeyRow(key.id)
  // Customers are not shown provider account names.
  return { status: 'deleted' as const, providers: user.role === 'admin' ? results : [], removed: results.filter(r => r.status === 'removed').length }
}
