export {
  base64Decode,
  base64Encode,
  fingerprintSha256,
  keyTypeLabel,
  parsePublicKey,
  PRIVATE_KEY_MESSAGE,
} from './parse'
export type { ParsePublicKeyResult } from './parse'
export {
  defaultSshKeyName,
  SSH_KEY_NAME_MAX_LENGTH,
  sshKeyCreateSchema,
  sshKeyInputSchema,
  validateSshKeyInput,
} from './schema'
