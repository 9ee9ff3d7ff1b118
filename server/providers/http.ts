/**
 * The one upstream HTTP client every adapter uses.
 *
 * - A timeout per request (AbortSignal).
 * - Retries with jittered exponential backoff on 429/502/503/504 and network errors, only when
 *   the request is safe to repeat (reads by default; writes must opt in with `idempotent: true`).
 *   A create, order or purchase is never retried: a lost answer there is settled by looking the
 *   resource up, not by asking again.
 * - `Retry-After` honoured (seconds or HTTP date), capped.
 * - Failures become `ProviderError`s with our status codes; secrets never reach a log or a message.
 */
import type { ProviderError } from './errors'
import { providerError } from './errors'
import { env } from '../lib/config'

type QueryValue = string | number | boolean | null | undefined

export interface HttpLogEntry {
  provider: string
  method: string
  url: string
  status?: number
  attempt: number
  durationMs: number
  error?: string
}

export interface HttpClientOptions {
  /** Display name used in every message, e.g. "Hostinger". */
  provider: string
  baseUrl: string
  headers?: Record<string, string>
  /** Parameters added to every request (Inferno's `cid`/`key`). */
  query?: Record<string, QueryValue>
  /** Values to scrub from logs and error messages (keys, tokens, passwords). */
  secrets?: string[]
  timeoutMs?: number
  maxRetries?: number
  baseDelayMs?: number
  maxDelayMs?: number
  /** Cap on a server-requested `Retry-After`. */
  maxRetryAfterMs?: number
  logger?: (entry: HttpLogEntry) => void
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  /** Pull a readable message out of a provider's error body. */
  errorMessage?: (body: unknown, status: number) => string | undefined
  /** Pull a correlation/request id out of an error body (Hostinger's `correlation_id`). */
  correlationId?: (body: unknown, headers: Headers) => string | undefined
}

export interface HttpRequest {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  query?: Record<string, QueryValue>
  json?: unknown
  form?: Record<string, QueryValue>
  headers?: Record<string, string>
  /** Safe to repeat. Defaults to true for GET/HEAD, false otherwise. */
  idempotent?: boolean
  timeoutMs?: number
  /** `json` (default) fails on a non-JSON body; `text` returns it as is. */
  responseType?: 'json' | 'text'
}

export interface HttpResponse<T> { status: number, data: T, headers: Headers }

export interface HttpClient {
  request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>>
  get<T = unknown>(path: string, query?: Record<string, QueryValue>, extra?: Partial<HttpRequest>): Promise<T>
  readonly options: Readonly<HttpClientOptions>
}

export const RETRYABLE_STATUSES = new Set([429, 502, 503, 504])

/** Whether attempt number `attempt` (0-based) may be followed by another. */
export function shouldRetry(opts: { idempotent: boolean, status?: number, networkError?: boolean, attempt: number, maxRetries: number }): boolean {
  if (!opts.idempotent || opts.attempt >= opts.maxRetries) return false
  if (opts.networkError) return true
  return opts.status !== undefined && RETRYABLE_STATUSES.has(opts.status)
}

/** Parse `Retry-After` (delta-seconds or HTTP date) into ms, or undefined. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** Full-jitter exponential backoff, unless the server named its own delay. */
export function retryDelay(opts: { attempt: number, retryAfterMs?: number, baseDelayMs: number, maxDelayMs: number, maxRetryAfterMs: number, random: () => number }): number {
  if (opts.retryAfterMs !== undefined) return Math.min(opts.retryAfterMs, opts.maxRetryAfterMs)
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** opts.attempt)
  return Math.round(ceiling / 2 + (opts.random() * ceiling) / 2)
}

export function redact(text: string, secrets: (string | undefined)[]): string {
  let out = text
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join('[REDACTED]')
  }
  return out
}

const defaultSleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms))

function buildUrl(base: string, path: string, query: Record<string, QueryValue>): URL {
  const url = new URL(base.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`))
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null) url.searchParams.set(k, String(v))
  }
  return url
}

function describeNetworkError(err: unknown): string {
  const cause = (err as { cause?: { code?: string, message?: string } })?.cause
  const code = cause?.code ?? (err as { code?: string })?.code
  switch (code) {
    case 'ECONNREFUSED': return 'connection refused'
    case 'ENOTFOUND': return 'host not found'
    case 'ECONNRESET': return 'connection reset'
    case 'EHOSTUNREACH': return 'host unreachable'
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE': return `TLS certificate problem (${code})`
    default: return cause?.message ?? (err as Error)?.message ?? 'network error'
  }
}

function looksLikeHtml(text: string) {
  return /^\s*<(!doctype|html|head|body)/i.test(text)
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const {
    provider, baseUrl, timeoutMs = 15_000, maxRetries = 3, baseDelayMs = 250, maxDelayMs = 4_000,
    maxRetryAfterMs = 10_000, sleep = defaultSleep, random = Math.random,
  } = options
  const secrets = [...(options.secrets ?? []), ...Object.values(options.query ?? {}).filter(v => typeof v === 'string' && v.length >= 8) as string[]]
  const scrub = (t: string) => redact(t, secrets)
  const log = options.logger ?? defaultLogger

  async function request<T>(req: HttpRequest): Promise<HttpResponse<T>> {
    const method = req.method ?? 'GET'
    const idempotent = req.idempotent ?? (method === 'GET' || method === 'HEAD')
    const url = buildUrl(baseUrl, req.path, { ...options.query, ...req.query })
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers, ...req.headers }
    let body: string | undefined
    if (req.json !== undefined) {
      body = JSON.stringify(req.json)
      headers['Content-Type'] = 'application/json'
    }
    else if (req.form) {
      const params = new URLSearchParams()
      for (const [k, v] of Object.entries(req.form)) if (v !== undefined && v !== null) params.set(k, String(v))
      body = params.toString()
      headers['Content-Type'] = 'application/x-www-form-urlencoded'
    }
    const shownUrl = scrub(`${url.origin}${url.pathname}${url.search}`)
    const timeout = req.timeoutMs ?? timeoutMs

    for (let attempt = 0; ; attempt++) {
      const started = Date.now()
      let res: Response
      try {
        res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeout), redirect: 'follow' })
      }
      catch (err) {
        const timedOut = (err as Error)?.name === 'TimeoutError' || (err as Error)?.name === 'AbortError'
        const reason = timedOut ? `timed out after ${timeout} ms` : describeNetworkError(err)
        log({ provider, method, url: shownUrl, attempt, durationMs: Date.now() - started, error: scrub(reason) })
        // A timed-out write may have been carried out upstream: never repeat it.
        if (shouldRetry({ idempotent, networkError: true, attempt, maxRetries })) {
          await sleep(retryDelay({ attempt, baseDelayMs, maxDelayMs, maxRetryAfterMs, random }))
          continue
        }
        if (timedOut) throw providerError(provider, 'timeout', `${provider} did not answer within ${Math.round(timeout / 100) / 10} s (${method} ${url.pathname})`)
        throw providerError(provider, 'network_error', scrub(`${provider} could not be reached at ${url.host}: ${reason}`))
      }

      const text = await res.text().catch(() => '')
      log({ provider, method, url: shownUrl, status: res.status, attempt, durationMs: Date.now() - started })
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'))

      if (!res.ok) {
        if (shouldRetry({ idempotent, status: res.status, attempt, maxRetries })) {
          await sleep(retryDelay({ attempt, retryAfterMs, baseDelayMs, maxDelayMs, maxRetryAfterMs, random }))
          continue
        }
        throw toError(res, text, retryAfterMs, method, url.pathname)
      }

      if (req.responseType === 'text') return { status: res.status, data: text as T, headers: res.headers }
      if (res.status === 204 || text.trim() === '') return { status: res.status, data: undefined as T, headers: res.headers }
      try {
        return { status: res.status, data: JSON.parse(text) as T, headers: res.headers }
      }
      catch {
        const what = looksLikeHtml(text) ? 'an HTML page' : 'a body that is not valid JSON'
        throw providerError(provider, 'bad_response', `${provider} answered with ${what} instead of JSON (HTTP ${res.status}, ${method} ${url.pathname})`, { upstreamStatus: res.status })
      }
    }
  }

  function toError(res: Response, text: string, retryAfterMs: number | undefined, method: string, path: string): ProviderError {
    let parsed: unknown
    try { parsed = text ? JSON.parse(text) : undefined }
    catch { parsed = undefined }
    const html = parsed === undefined && looksLikeHtml(text)
    const upstreamMsg = parsed !== undefined ? options.errorMessage?.(parsed, res.status) ?? genericMessage(parsed) : undefined
    const correlationId = options.correlationId?.(parsed, res.headers)
    const detail = scrub(upstreamMsg ? `: ${upstreamMsg}` : html ? ': an HTML page instead of JSON' : text && text.length < 200 ? `: ${text.trim()}` : '')
    const status = res.status
    const extra = { upstreamStatus: status, correlationId, retryAfterMs }
    if (status === 401 || status === 403) return providerError(provider, 'provider_auth', `${provider} rejected the credentials (HTTP ${status}${detail})`, extra)
    if (status === 404) return providerError(provider, 'not_found', `${provider}: not found (${method} ${path}${detail})`, extra)
    if (status === 409) return providerError(provider, 'conflict', `${provider} refused the change (conflict${detail})`, extra)
    if (status === 400 || status === 422) return providerError(provider, 'invalid_request', `${provider} refused the request${detail || ` (HTTP ${status})`}`, extra)
    if (status === 429) return providerError(provider, 'rate_limited', `${provider} is rate limiting requests${retryAfterMs ? `; retry after ${Math.ceil(retryAfterMs / 1000)} s` : ''}`, extra)
    return providerError(provider, 'upstream_error', `${provider} failed with HTTP ${status}${detail}`, extra)
  }

  return {
    options,
    request,
    async get<T>(path: string, query?: Record<string, QueryValue>, extra?: Partial<HttpRequest>) {
      return (await request<T>({ ...extra, method: 'GET', path, query })).data
    },
  }
}

function genericMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body : undefined
  const b = body as Record<string, unknown>
  for (const k of ['message', 'error', 'msg', 'detail']) {
    if (typeof b[k] === 'string' && b[k]) return b[k] as string
  }
  if (Array.isArray(b.errors) && b.errors.length) return b.errors.map(e => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ')
  if (Array.isArray(b.messages) && b.messages.length) return b.messages.map(e => (typeof e === 'string' ? e : (e as { content?: string }).content ?? JSON.stringify(e))).join('; ')
  return undefined
}

function defaultLogger(entry: HttpLogEntry) {
  if (entry.error || (entry.status && entry.status >= 400)) {
    console.warn(`[upstream] ${entry.provider} ${entry.method} ${entry.url} → ${entry.status ?? entry.error} (attempt ${entry.attempt + 1}, ${entry.durationMs} ms)`)
  }
  else if (env().DEBUG_UPSTREAM) {
    console.info(`[upstream] ${entry.provider} ${entry.method} ${entry.url} → ${entry.status} (${entry.durationMs} ms)`)
  }
}
