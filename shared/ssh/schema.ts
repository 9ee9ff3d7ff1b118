import { z } from 'zod'
import { keyTypeLabel, MAX_PUBLIC_KEY_INPUT_LENGTH, parsePublicKey, type ParsedSshKey, type SshKeyErrorCode } from './parse'

export const SSH_KEY_NAME_MAX_LENGTH = 100

/**
 * Shape of the "add SSH key" request body: `{ name?, public_key }`.
 * Only checks types and sizes; use `sshKeyCreateSchema` (async) or
 * `validateSshKeyInput` to also parse the key.
 */
export const sshKeyInputSchema = z.object({
  name: z.string().trim().max(SSH_KEY_NAME_MAX_LENGTH, `Name must be at most ${SSH_KEY_NAME_MAX_LENGTH} characters`).optional(),
  public_key: z.string().min(1, 'Paste a public key.').max(MAX_PUBLIC_KEY_INPUT_LENGTH, 'This text is too long to be an SSH public key.'),
})

export interface ValidatedSshKey {
  /** The given name, else the key comment, else e.g. "ED25519 key SHA256:abcd1234". */
  name: string
  key: ParsedSshKey
}

/** Name used when neither a name nor a key comment is given. */
export function defaultSshKeyName(key: ParsedSshKey): string {
  const name = key.comment || `${keyTypeLabel(key.type)} key ${key.fingerprint.slice(0, 15)}`
  return name.slice(0, SSH_KEY_NAME_MAX_LENGTH).trim()
}

/**
 * `sshKeyInputSchema` plus key parsing, for `schema.parseAsync(body)` /
 * `readValidatedBody(event, b => sshKeyCreateSchema.parseAsync(b))`.
 * Output: `{ name, key }`. A bad key is reported as an issue on `public_key`
 * (with `params: { code, isPrivateKey }`).
 */
export const sshKeyCreateSchema = sshKeyInputSchema.transform(async (input, ctx): Promise<ValidatedSshKey> => {
  const parsed = await parsePublicKey(input.public_key)
  if (!parsed.ok) {
    ctx.issues.push({
      code: 'custom',
      path: ['public_key'],
      message: parsed.error,
      input: input.public_key,
      params: { code: parsed.code, isPrivateKey: parsed.isPrivateKey === true },
    })
    return z.NEVER
  }
  return { name: input.name || defaultSshKeyName(parsed.key), key: parsed.key }
})

export type ValidateSshKeyInputResult =
  | { ok: true, value: ValidatedSshKey }
  | { ok: false, field: 'name' | 'public_key' | null, error: string, code?: SshKeyErrorCode, isPrivateKey?: boolean }

/** Non-throwing variant: validates `{ name?, public_key }` and parses the key. */
export async function validateSshKeyInput(body: unknown): Promise<ValidateSshKeyInputResult> {
  const shape = sshKeyInputSchema.safeParse(body)
  if (!shape.success) {
    const issue = shape.error.issues[0]
    const field = issue?.path[0] === 'name' || issue?.path[0] === 'public_key' ? issue.path[0] : null
    return { ok: false, field, error: issue?.message ?? 'Invalid input' }
  }
  const parsed = await parsePublicKey(shape.data.public_key)
  if (!parsed.ok) {
    return { ok: false, field: 'public_key', error: parsed.error, code: parsed.code, ...(parsed.isPrivateKey ? { isPrivateKey: true } : {}) }
  }
  return { ok: true, value: { name: shape.data.name || defaultSshKeyName(parsed.key), key: parsed.key } }
}
