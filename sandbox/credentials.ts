/**
 * The keys the sandbox accepts, and where each simulator is mounted. Test-only values: the
 * sandbox is never a real provider. `extra` is what an account needs besides the key (Inferno's
 * client id, VirtFusion's defaults). The app reads these from the running sandbox
 * (`GET /__sandbox/credentials`), never by import: the simulators stay out of its build.
 */
export const SANDBOX_CREDENTIALS = {
  virtfusion: { api_key: 'vf-sandbox-token-0001', extra: { user_id: '1', hypervisor_id: '1' }, base_path: '/virtfusion/api/v1' },
  virtua: { api_key: 'virtua-sandbox-key-0001', extra: {} as Record<string, string>, base_path: '/virtua' },
  hostinger: { api_key: 'hostinger-sandbox-token-0001', extra: {} as Record<string, string>, base_path: '/hostinger' },
  inferno: { api_key: 'inferno-sandbox-key-0001', extra: { cid: '777' }, base_path: '/inferno/api_client.php' },
} as const

/** Base URL an adapter uses for each simulator, given the sandbox origin. */
export function sandboxBaseUrl(origin: string, provider: keyof typeof SANDBOX_CREDENTIALS): string {
  return `${origin}${SANDBOX_CREDENTIALS[provider].base_path}`
}
