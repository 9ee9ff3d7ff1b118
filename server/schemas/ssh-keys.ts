/** The personal SSH keychain. */
import { z } from 'zod'
import { SSH_KEY_NAME_MAX_LENGTH } from '#shared/ssh'
import { uuidParam } from '../utils/schemas'

export const sshKeyParams = z.object({ id: uuidParam })

export const sshKeyDeleteQuery = z.object({ everywhere: z.enum(['0', '1', 'true', 'false']).optional() })

export const sshKeyRenameBody = z.object({ name: z.string().trim().min(1, 'Name is required').max(SSH_KEY_NAME_MAX_LENGTH) }).strict()

export const sshKeyAccountParams = z.object({ id: uuidParam, provider: z.string().min(1).max(40) })

export const sshKeyPushBody = z.object({ accounts: z.array(z.string().min(1).max(40)).min(1, 'Choose at least one provider account').max(50) }).strict()

/**
 * The add-key routes take any object here on purpose: shared/ssh checks `{ name?, public_key }`
 * inside the service and words its reasons (a private key, a weak key…) better than a schema.
 * The document shows that shape (`sshKeyInputSchema`).
 */
export const anyObjectBody = z.object({}).passthrough()
