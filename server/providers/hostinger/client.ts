/**
 * How we talk to Hostinger: Bearer token, paths carrying the full `/api/...` prefix, error bodies
 * `{message, errors?, correlation_id}`. The correlation id is what Hostinger support asks for, so
 * it is kept on every ProviderError.
 */
import type { HttpClientOptions } from '../http'
import type { AccountSettings, AdapterCredentials } from '../types'
import type { HErrorBody } from './upstream'

export const DEFAULT_BASE_URL = 'https://developers.hostinger.com'

export const PATHS = {
  vms: '/api/vps/v1/virtual-machines',
  vm: (id: string) => `/api/vps/v1/virtual-machines/${encodeURIComponent(id)}`,
  dataCenters: '/api/vps/v1/data-centers',
  templates: '/api/vps/v1/templates',
  publicKeys: '/api/vps/v1/public-keys',
  publicKey: (id: string) => `/api/vps/v1/public-keys/${encodeURIComponent(id)}`,
  attachKeys: (vmId: string) => `/api/vps/v1/public-keys/attach/${encodeURIComponent(vmId)}`,
  catalog: '/api/billing/v1/catalog',
  subscriptions: '/api/billing/v1/subscriptions',
  paymentMethods: '/api/billing/v1/payment-methods',
} as const

/** Tokens are sometimes pasted with their scheme ("Bearer …", as in the seed's config example). */
export function bearerToken(apiKey: string): string {
  return apiKey.trim().replace(/^bearer\s+/i, '')
}

/**
 * The summary message, followed by every field error: Laravel's summary names only the first
 * ("… (and 1 more error)").
 */
export function errorMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined
  const b = body as HErrorBody
  const fields = b.errors && typeof b.errors === 'object' ? Object.entries(b.errors) : []
  if (fields.length) {
    return fields.map(([f, msgs]) => `${f}: ${Array.isArray(msgs) ? msgs.join(' ') : String(msgs)}`).join('; ')
  }
  return typeof b.message === 'string' && b.message ? b.message : undefined
}

export function correlationId(body: unknown, headers: Headers): string | undefined {
  const fromBody = body && typeof body === 'object' ? (body as HErrorBody).correlation_id : undefined
  return (typeof fromBody === 'string' && fromBody) || headers.get('x-correlation-id') || undefined
}

export function hostingerHttpOptions(credentials: AdapterCredentials, settings: AccountSettings): Omit<HttpClientOptions, 'provider'> {
  const token = bearerToken(credentials.apiKey)
  return {
    baseUrl: String(settings.base_url || DEFAULT_BASE_URL),
    headers: { Authorization: `Bearer ${token}` },
    secrets: [token],
    errorMessage,
    correlationId,
  }
}
