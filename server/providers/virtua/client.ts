/**
 * HTTP setup for Virtua.cloud and the one way adapter calls go out.
 *
 * Error bodies are `{"success":false,"error":"<code>","messages":[{"content","type"}]}`. The
 * API refuses wrong-state actions with HTTP 400 and a code (e.g. `server_already_running`),
 * and may answer a refusal with HTTP 200 and `success:false`; `call()` turns both into the
 * right ProviderError.
 */
import { isProviderError, providerError, type ProviderErrorCode } from '../errors'
import type { HttpClient, HttpClientOptions, HttpRequest } from '../http'
import type { AdapterCredentials, AccountSettings } from '../types'
import { DEFAULT_BASE_URL, DISPLAY_NAME } from './metadata'

interface VirtuaErrorBody { success?: boolean, error?: string, messages?: { content?: string, type?: string }[], message?: string }

function messagesOf(body: VirtuaErrorBody): string | undefined {
  const texts = (Array.isArray(body.messages) ? body.messages : [])
    .map(m => (typeof m === 'string' ? m : m?.content))
    .filter((t): t is string => typeof t === 'string' && t.length > 0)
  return texts.length ? texts.join(' ') : body.message
}

/** "Readable message [error_code]": the code stays visible so `call()` can classify it. */
export function errorMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined
  const b = body as VirtuaErrorBody
  const text = messagesOf(b)
  const code = typeof b.error === 'string' && b.error ? b.error : undefined
  if (text && code) return `${text} [${code}]`
  return text ?? code
}

/** Our error kind for one of Virtua's error codes; undefined when nothing specific fits. */
export function classifyErrorCode(code: string | undefined): ProviderErrorCode | undefined {
  if (!code) return undefined
  const c = code.toLowerCase()
  if (/not_found$/.test(c)) return 'not_found'
  if (/^(unauthorized|forbidden|invalid_api_key|auth)/.test(c)) return 'provider_auth'
  if (/^server_(already_|not_running|not_ready|processing|suspended)|invalid_state/.test(c)) return 'conflict'
  if (/rate_limit|too_many/.test(c)) return 'rate_limited'
  if (/^(missing_|invalid_)|limit_reached|not_allowed/.test(c)) return 'invalid_request'
  return undefined
}

export function httpOptions(credentials: AdapterCredentials, settings: AccountSettings): Omit<HttpClientOptions, 'provider'> {
  return {
    baseUrl: String(settings.base_url || DEFAULT_BASE_URL),
    // The raw key after "Basic ", exactly as the API reference shows; not base64(user:pass).
    headers: { Authorization: `Basic ${credentials.apiKey}` },
    errorMessage,
    correlationId: (_body, headers) => headers.get('x-request-id') ?? undefined,
  }
}

/**
 * Sends one request and returns the body. A 2xx body with `success:false` becomes a
 * ProviderError; a 400 whose code says "wrong state" becomes a conflict.
 */
export async function call<T>(http: HttpClient, req: HttpRequest): Promise<T> {
  let data: T
  try {
    data = (await http.request<T>(req)).data
  }
  catch (e) {
    if (isProviderError(e) && e.code === 'invalid_request') {
      const code = /\[([a-z0-9_]+)\]$/i.exec(e.message)?.[1]
      if (classifyErrorCode(code) === 'conflict') {
        throw providerError(DISPLAY_NAME, 'conflict', e.message.replace('refused the request', 'refused the action'), { upstreamStatus: e.upstreamStatus, correlationId: e.correlationId })
      }
    }
    throw e
  }
  const body = data as VirtuaErrorBody | undefined
  if (body && typeof body === 'object' && body.success === false) {
    const code = classifyErrorCode(body.error) ?? 'upstream_error'
    throw providerError(DISPLAY_NAME, code, `${DISPLAY_NAME} refused the request: ${errorMessage(body) ?? 'success=false without a message'} (${req.method ?? 'GET'} ${req.path})`, { upstreamStatus: 200 })
  }
  return data
}
