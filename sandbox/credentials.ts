/**
 * The keys the sandbox accepts. Test-only values: the sandbox is never a real provider.
 * `extra` is what an account needs besides the key (Inferno's client id, VirtFusion's defaults).
 */
export const SANDBOX_CREDENTIALS = {
  virtfusion: { api_key: 'vf-sandbox-token-0001', extra: { user_id: '1', hypervisor_id: '1' } },
  virtua: { api_key: 'virtua-sandbox-key-0001', extra: {} as Record<string, string> },
  hostinger: { api_key: 'hostinger-sandbox-token-0001', extra: {} as Record<string, string> },
  inferno: { api_key: 'inferno-sandbox-key-0001', extra: { cid: '777' } },
} as const

/** Base URL an adapter uses for each simulator, given the sandbox origin. */
export function sandboxBaseUrl(origin: string, provider: keyof typeof SANDBOX_CREDENTIALS): string {
  switch (provider) {
    case 'virtfusion': return `${origin}/virtfusion/api/v1`
    case 'virtua': return `${origin}/virtua`
    case 'hostinger': return `${origin}/hostinger`
    case 'inferno': return `${origin}/inferno/api_client.php`
  }
}
