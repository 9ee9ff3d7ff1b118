/** The key this simulator accepts and where it is mounted (test-only values; see sandbox/credentials.ts). */
import type { SandboxAccount } from '../../core/simulator'

export const SANDBOX_ACCOUNT: SandboxAccount = { api_key: 'virtua-sandbox-key-0001', extra: {}, base_path: '/virtua' }
