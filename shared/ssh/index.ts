export {
  base64Decode,
  base64Encode,
  fingerprintSha256,
  keyTypeLabel,
  MAX_PUBLIC_KEY_INPUT_LENGTH,
  MAX_RSA_BITS,
  MIN_RSA_BITS,
  parsePublicKey,
  PRIVATE_KEY_MESSAGE,
  SUPPORTED_KEY_TYPES,
} from './parse'
export type { ParsedSshKey, ParsePublicKeyResult, SshKeyErrorCode, SshKeyType } from './parse'
export {
  defaultSshKeyName,
  SSH_KEY_NAME_MAX_LENGTH,
  sshKeyCreateSchema,
  sshKeyInputSchema,
  validateSshKeyInput,
} from './schema'
export type { SshKeyInput, ValidatedSshKey, ValidateSshKeyInputResult } from './schema'
