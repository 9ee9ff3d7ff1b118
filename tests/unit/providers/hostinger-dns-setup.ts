/** Sandbox + adapter for the Hostinger DNS and domain tests. */
import { startSandbox, type LoggedRequest, type Sandbox } from '../../../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../../sandbox/credentials'
import { createAdapter, type AdapterOverrides } from '../../../server/providers/registry'

export const TOKEN = SANDBOX_CREDENTIALS.hostinger.api_key

export async function startHostingerSandbox() {
  return startSandbox({ transitionMs: 100 })
}

export function hostingerAdapter(sb: Sandbox, overrides: AdapterOverrides = {}, apiKey: string = TOKEN) {
  return createAdapter('hostinger', {
    slug: 'hostinger',
    credentials: { apiKey },
    settings: { base_url: sandboxBaseUrl(sb.url, 'hostinger'), ...SANDBOX_CREDENTIALS.hostinger.extra },
  }, { sleep: async () => {}, ...overrides })
}

/** Requests the Hostinger simulator received, optionally by method and exact path. */
export function hits(sb: Sandbox, method?: string, path?: string): LoggedRequest[] {
  return sb.requests.filter(r => r.provider === 'hostinger' && (!method || r.method === method) && (!path || r.path === path))
}

/** A raw call to the simulator, for checks below the adapter. */
export async function raw(sb: Sandbox, method: string, path: string, body?: unknown, token: string | null = TOKEN) {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  // A request without a token, or to an unknown route, breaks the spec on purpose.
  if (!token || (!path.startsWith('/api/dns/v1/zones') && !path.startsWith('/api/dns/v1/snapshots'))) headers['x-sandbox-contract'] = 'off'
  const res = await fetch(`${sandboxBaseUrl(sb.url, 'hostinger')}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined }
}
