/** The SSH keychain and its presence upstream, as the /api/ssh-keys routes answer. */
import { z } from 'zod'
import { isoDate, obj, uuid, type View } from './define'

/** Where one keychain key is (admins: per provider account that holds SSH keys). */
export const keyPresence = obj({
  account: z.string(),
  display_name: z.string(),
  present: z.boolean(),
  upstream_id: z.string().nullable(),
  error: z.string().optional().meta({ description: 'Why this account could not be read' }),
})
export type KeyPresence = View<typeof keyPresence>

export const keychainKey = obj({
  id: uuid,
  name: z.string(),
  type: z.string().meta({ description: 'e.g. `ssh-ed25519`' }),
  bits: z.number().int().nullable(),
  fingerprint: z.string().meta({ description: 'As `ssh-keygen -lf` prints it (SHA256:…)' }),
  public_key: z.string(),
  created_at: isoDate,
  presence: z.array(keyPresence).meta({ description: 'Admins: one entry per account that holds SSH keys; customers: empty' }),
}).meta({ id: 'SshKey', description: 'A key in the caller\'s keychain, with where it is present upstream' })
export type SshKey = View<typeof keychainKey>

export const PUSH_STATUSES = ['added', 'already_present', 'failed', 'not_supported'] as const
export type PushStatus = (typeof PUSH_STATUSES)[number]
export const pushResult = obj({
  account: z.string(),
  display_name: z.string(),
  status: z.enum(PUSH_STATUSES),
  upstream_id: z.string().optional(),
  error: z.string().optional(),
}).meta({ id: 'SshKeyPushResult' })
export type PushResult = View<typeof pushResult>

/** A key found on a provider account, and whose keychain holds it. */
export const upstreamKey = obj({
  id: z.string(),
  name: z.string(),
  fingerprint: z.string().nullable(),
  public_key: z.string().nullable(),
  key_id: uuid.nullable().meta({ description: 'The caller\'s own keychain key it matches' }),
  key_name: z.string().nullable(),
  owners: z.array(obj({ user_id: uuid, name: z.string(), email: z.string(), key_name: z.string() })).meta({ description: 'Other users whose keychain holds it' }),
  upstream_only: z.boolean().meta({ description: 'No keychain holds it' }),
})
export type UpstreamKey = View<typeof upstreamKey>

export const accountPresence = obj({
  account: z.string(),
  display_name: z.string(),
  type: z.string(),
  supported: z.boolean(),
  note: z.string().nullable(),
  ok: z.boolean(),
  error: z.string().optional(),
  keys: z.array(upstreamKey),
})
export type AccountPresence = View<typeof accountPresence>

export const presenceOverview = obj({ accounts: z.array(accountPresence) }).meta({ id: 'SshKeyPresence' })
