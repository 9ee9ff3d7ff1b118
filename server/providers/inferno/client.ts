/**
 * Inferno transport: one PHP script, `api_client.php?action=<action>`.
 *
 * Choices, from the provider's doc (knowledge-base article 97, seed 003):
 * - Every call but `list` is a POST with a JSON body `{"cid":…, …}` and the key in the `X-Key`
 *   header, as the doc's `balance` and `sshkey.add` examples are. Its other style (GET with
 *   `&cid=…&key=…`) would put the key in URLs, and so in proxy and Cloudflare logs.
 * - `action` is always in the query string, like every example; `list` is a bare GET.
 * - Reads may be retried; writes (create, cancel, install, reinstall, power, SSH keys) never
 *   are: a lost `create` is settled by the exactly-once engine, not by buying twice.
 * - Failures come back as HTTP 200 `{"result":"fail","message":…}` (install: `msg` and
 *   `error_code`); `failureOf` spots them and `failureError` turns them into ProviderErrors.
 */
import { providerError, type ProviderError } from '../errors'
import type { HttpClientOptions } from '../http'
import type { AdapterCredentials, AccountSettings } from '../types'

export const PROVIDER = 'Inferno'
export const DEFAULT_BASE_URL = 'https://cp.inferno.name/api_client.php'

/**
 * The HTTP client always appends a path to its base URL, which would turn the script into
 * `api_client.php/`. So the base URL is split into the folder and the script, and every call
 * asks for the script as its path.
 */
export function splitEndpoint(baseUrl: string): { root: string, script: string } {
  const trimmed = (baseUrl || DEFAULT_BASE_URL).trim().replace(/\/+$/, '')
  const m = trimmed.match(/^(.*?)(\/[^/]+\.php)$/)
  return m ? { root: m[1]!, script: m[2]! } : { root: trimmed, script: '/api_client.php' }
}

export function infernoHttpOptions(credentials: AdapterCredentials, settings: AccountSettings): Omit<HttpClientOptions, 'provider'> {
  return {
    baseUrl: splitEndpoint(String(settings.base_url ?? DEFAULT_BASE_URL)).root,
    // `cid` travels in each call's JSON body (see the adapter's `call`).
    headers: { 'X-Key': credentials.apiKey },
    errorMessage: body => failureMessage(body),
  }
}

export interface InfernoAnswer {
  result?: string
  message?: string
  msg?: string
  error_code?: number | string
  retx?: { result?: string, msg?: string, error_code?: number | string }
}

function failureMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined
  const b = body as InfernoAnswer
  return b.message || b.msg || b.retx?.msg || undefined
}

/** The failure of an answer, or null when it succeeded. Install nests the backend's own verdict in `retx`. */
export function failureOf(body: unknown): { message: string, errorCode: number | null } | null {
  if (!body || typeof body !== 'object') return null
  const b = body as InfernoAnswer
  const failed = b.result === 'fail' || b.result === 'error' || b.retx?.result === 'fail'
  if (!failed) return null
  const code = b.error_code ?? b.retx?.error_code
  return { message: failureMessage(body) ?? 'no message', errorCode: code === undefined || code === '' ? null : Number(code) }
}

const AUTH = /api key|\bcid\b|access denied|authori[sz]ation|unauthori[sz]ed|whitelist|ip .*not allowed/i
const CONFLICT = /already|not paid|not pending|exists|in progress|not installed|is stopped|not active|suspended/i
const NOT_FOUND = /not found|does not exist|no such/i
const INVALID = /invalid|unknown|required|missing|wrong/i
/** The doc's "VPS already exists / is being created" code. */
const VPS_EXISTS = 904

/** A `result: fail` answer as a ProviderError: auth, wrong state, not found, bad input, or the rest. */
export function failureError(action: string, failure: { message: string, errorCode: number | null }): ProviderError {
  const { message, errorCode } = failure
  const extra = { upstreamStatus: 200 }
  if (errorCode === VPS_EXISTS) return providerError(PROVIDER, 'conflict', `Inferno refused ${action}: a VPS already exists or is being installed on this order (${message})`, extra)
  if (AUTH.test(message)) return providerError(PROVIDER, 'provider_auth', `Inferno rejected the credentials (${message}); check the API key, the client id (cid) and that this server's IP is whitelisted`, extra)
  if (CONFLICT.test(message)) return providerError(PROVIDER, 'conflict', `Inferno refused ${action}: ${message}`, extra)
  if (NOT_FOUND.test(message)) return providerError(PROVIDER, 'not_found', `Inferno: ${message} (${action})`, extra)
  if (INVALID.test(message)) return providerError(PROVIDER, 'invalid_request', `Inferno refused ${action}: ${message}`, extra)
  return providerError(PROVIDER, 'upstream_error', `Inferno ${action} failed: ${message}`, extra)
}
