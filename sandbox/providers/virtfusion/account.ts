/** The key this simulator accepts and where it is mounted (test-only values; see sandbox/credentials.ts). */
import type { SandboxAccount } from '../../core/simulator'

export const SANDBOX_ACCOUNT: SandboxAccount = { api_key: 'vf-sandbox-token-0001', extra: { user_id: '1', hypervisor_id: '1' }, base_path: '/virtfusion/api/v1' }
