/**
 * The seed's per-provider routes (`/api/hosting/providers/{provider}/ssh-keys`): the account's
 * keys as the provider holds them, in the seed's shape `{ id, name, fingerprint, public_key }`.
 */
import { validateSshKeyInput } from '#shared/ssh'
import { httpError } from '#server/lib/http-errors'
import { adapterForSlug } from '../provider-accounts'
import { linkFingerprint, unlinkUpstreamId } from './links'
import { fingerprintOfText, listUpstreamKeys, withAccountLock, type UpstreamKey } from './upstream'

export async function listProviderKeys(slug: string): Promise<UpstreamKey[]> {
  const { account } = await adapterForSlug(slug)
  return listUpstreamKeys(account)
}

/** Validated with shared/ssh first: a bad or private key never reaches the provider. */
export async function addProviderKey(slug: string, body: unknown): Promise<UpstreamKey> {
  const v = await validateSshKeyInput(body)
  if (!v.ok) throw httpError(400, v.error, v.code ?? 'invalid_input')
  const { account, adapter } = await adapterForSlug(slug)
  const { key, name } = v.value
  const added = await withAccountLock(account.id, () => adapter.addSshKey({ name, public_key: key.normalized }))
  await linkFingerprint(key.fingerprint, account.id, added.id)
  return {
    id: String(added.id),
    name: added.name || name,
    fingerprint: (await fingerprintOfText(added.public_key)) ?? key.fingerprint,
    public_key: added.public_key ?? key.normalized,
  }
}

export async function deleteProviderKey(slug: string, id: string) {
  const { account, adapter } = await adapterForSlug(slug)
  await withAccountLock(account.id, () => adapter.deleteSshKey(id))
  await unlinkUpstreamId(account.id, id)
  return { status: 'deleted' as const }
}
