/** The key this simulator accepts and where it is mounted (test-only values; see sandbox/credentials.ts). */
import type { SandboxAccount } from '../../core/simulator'

export const SANDBOX_ACCOUNT: SandboxAccount = { api_key: 'inferno-sandbox-key-0001', extra: { cid: '777' }, base_path: '/inferno/api_client.php' }
