/**
 * Which keys are where, read live from each provider and matched by fingerprint. An account
 * that cannot be read falls back to what we recorded, flagged with the error, so one failing
 * provider does not blank the page.
 */
import { asc, eq, inArray } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { providerAccounts, sshKeys, sshKeyUpstreams, users, type ProviderAccount, type User } from '#server/db/schema'
import { isProviderError } from '#server/providers/errors'
import { toPublicKey, type KeyPresence, type SshKeyRow } from './keychain'
import { reconcileLinks } from './links'
import { listUpstreamKeys, sshAccounts, sshKeysNote, supportsSshKeys, type UpstreamKey } from './upstream'

type Listing = { account: ProviderAccount, keys: UpstreamKey[] | null, error?: string }

function reason(e: unknown): string {
  return isProviderError(e) ? e.message : `Could not read the keys: ${(e as Error)?.message ?? 'unknown error'}`
}

async function readAll(accounts: ProviderAccount[]): Promise<Listing[]> {
  const settled = await Promise.allSettled(accounts.map(a => listUpstreamKeys(a)))
  return accounts.map((account, i) => {
    const s = settled[i]!
    return s.status === 'fulfilled' ? { account, keys: s.value } : { account, keys: null, error: reason(s.reason) }
  })
}

/** fingerprint → upstream id (the first, should an upstream hold a key twice). */
function byFingerprint(keys: UpstreamKey[]): Map<string, string> {
  const m = new Map<string, string>()
  for (const k of keys) if (k.fingerprint && !m.has(k.fingerprint)) m.set(k.fingerprint, k.id)
  return m
}

/**
 * The keychain as its owner sees it. Admins get a presence entry per SSH-capable account;
 * customers get none, since provider accounts are not theirs to see.
 */
export async function keysWithPresence(user: Pick<User, 'id' | 'role'>, keys: SshKeyRow[]) {
  if (user.role !== 'admin' || !keys.length) return keys.map(k => toPublicKey(k, []))
  const listings = await readAll(await sshAccounts())
  const db = await useDb()
  const recorded = await db.select().from(sshKeyUpstreams).where(inArray(sshKeyUpstreams.keyId, keys.map(k => k.id)))
  const presence = new Map<string, KeyPresence[]>(keys.map(k => [k.id, []]))
  for (const l of listings) {
    const found = l.keys ? byFingerprint(l.keys) : null
    if (found) await reconcileLinks(l.account.id, keys, found)
    for (const k of keys) {
      const upstreamId = found
        ? found.get(k.fingerprint) ?? null
        : recorded.find(r => r.keyId === k.id && r.accountId === l.account.id)?.upstreamKeyId ?? null
      presence.get(k.id)!.push({
        account: l.account.slug,
        display_name: l.account.displayName,
        present: upstreamId !== null,
        upstream_id: upstreamId,
        ...(l.error ? { error: l.error } : {}),
      })
    }
  }
  return keys.map(k => toPublicKey(k, presence.get(k.id)))
}

/**
 * Per account, every upstream key and the keychain key it matches: the caller's own
 * (`key_id`), and any other user's keychain that holds it (`owners`). A key matching
 * nobody's keychain exists only upstream.
 */
export async function presenceOverview(user: Pick<User, 'id'>) {
  const db = await useDb()
  const all = await db.select().from(providerAccounts).orderBy(asc(providerAccounts.createdAt))
  const listings = await readAll(all.filter(supportsSshKeys))
  const fingerprints = [...new Set(listings.flatMap(l => l.keys ?? []).map(k => k.fingerprint).filter((f): f is string => !!f))]
  const holders = fingerprints.length
    ? await db.select({ id: sshKeys.id, name: sshKeys.name, fingerprint: sshKeys.fingerprint, userId: sshKeys.userId, userName: users.name, userEmail: users.email })
        .from(sshKeys).innerJoin(users, eq(users.id, sshKeys.userId)).where(inArray(sshKeys.fingerprint, fingerprints))
    : []
  const accounts = all.map((account) => {
    if (!supportsSshKeys(account)) {
      return { account: account.slug, display_name: account.displayName, type: account.type, supported: false, note: sshKeysNote(account) ?? null, ok: true, keys: [] }
    }
    const l = listings.find(x => x.account.id === account.id)!
    const keys = (l.keys ?? []).map((k) => {
      const matches = k.fingerprint ? holders.filter(h => h.fingerprint === k.fingerprint) : []
      const mine = matches.find(h => h.userId === user.id)
      return {
        id: k.id,
        name: k.name,
        fingerprint: k.fingerprint,
        public_key: k.public_key,
        key_id: mine?.id ?? null,
        key_name: mine?.name ?? null,
        owners: matches.filter(h => h.userId !== user.id).map(h => ({ user_id: h.userId, name: h.userName, email: h.userEmail, key_name: h.name })),
        upstream_only: matches.length === 0,
      }
    })
    return {
      account: account.slug, display_name: account.displayName, type: account.type, supported: true, note: null,
      ok: !l.error, ...(l.error ? { error: l.error } : {}), keys,
    }
  })
  return { accounts }
}
