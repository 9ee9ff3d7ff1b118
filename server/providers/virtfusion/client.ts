/**
 * VirtFusion's HTTP client options and a thin request layer on top of the shared client:
 * base URL checks, the 423 "locked" answer read as a conflict, and Laravel pagination.
 */
import { isProviderError, providerError } from '../errors'
import type { HttpClient, HttpClientOptions, HttpRequest } from '../http'
import type { AccountSettings, AdapterCredentials } from '../types'
import { DISPLAY_NAME } from './metadata'

/** The panel address as given, with `/api/v1` added when only the host was entered. */
export function apiBaseUrl(raw: unknown): string {
  const text = typeof raw === 'string' ? raw.trim().replace(/\/+$/, '') : ''
  if (!text) return ''
  try {
    const url = new URL(text)
    return url.pathname === '' || url.pathname === '/' ? `${text}/api/v1` : text
  }
  catch {
    return text
  }
}

/** VirtFusion refuses with `{"errors":[…]}`; some answers carry `msg` or `message` instead. */
export function errorMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body ? body : undefined
  const b = body as Record<string, unknown>
  if (Array.isArray(b.errors) && b.errors.length) {
    return b.errors.map(e => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ')
  }
  if (b.errors && typeof b.errors === 'object') {
    return Object.values(b.errors as Record<string, unknown>).flat().map(String).join('; ')
  }
  for (const k of ['msg', 'message', 'error'] as const) {
    if (typeof b[k] === 'string' && b[k]) return b[k] as string
  }
  return undefined
}

export function httpOptions(credentials: AdapterCredentials, settings: AccountSettings): Omit<HttpClientOptions, 'provider'> {
  return {
    baseUrl: apiBaseUrl(settings.base_url),
    headers: { Authorization: `Bearer ${credentials.apiKey}` },
    errorMessage,
    correlationId: (_body, headers) => headers.get('x-request-id') ?? undefined,
  }
}

export interface Page<T> { data: T[], current_page?: number | string, last_page?: number | string }

export class VirtfusionApi {
  constructor(private readonly http: HttpClient) {}

  async request<T>(req: HttpRequest): Promise<T> {
    if (!this.http.options.baseUrl) {
      throw providerError(DISPLAY_NAME, 'invalid_request', 'VirtFusion is self-hosted: set the account\'s API base URL (e.g. https://cp.example.com/api/v1).')
    }
    try {
      return (await this.http.request<T>(req)).data
    }
    catch (err) {
      // A suspended (locked) server answers 423: the same "wrong state" as a 409.
      if (isProviderError(err) && err.upstreamStatus === 423) {
        const detail = err.message.replace(/^.*HTTP 423:?\s*/, '')
        throw providerError(DISPLAY_NAME, 'conflict', `VirtFusion refused the change (locked${detail ? `: ${detail}` : ''})`, { upstreamStatus: 423 })
      }
      throw err
    }
  }

  get<T>(path: string, query?: HttpRequest['query']) { return this.request<T>({ method: 'GET', path, query }) }

  /** Every row of a paginated list, page by page until `last_page`. */
  async all<T>(path: string, pageSize: number, query: HttpRequest['query'] = {}): Promise<T[]> {
    const rows: T[] = []
    for (let page = 1; page <= 1000; page++) {
      const body = await this.get<Page<T>>(path, { ...query, results: pageSize, page })
      if (!body || !Array.isArray(body.data)) {
        throw providerError(DISPLAY_NAME, 'bad_response', `VirtFusion answered ${path} without a data list`)
      }
      rows.push(...body.data)
      const last = Number(body.last_page ?? 1)
      const current = Number(body.current_page ?? page)
      if (!body.data.length || !Number.isFinite(last) || current >= last) break
    }
    return rows
  }
}

/** Runs `fn` over `items`, at most `limit` at a time, keeping the order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}
