/**
 * Typed errors raised by adapters and the HTTP client. Each carries the HTTP status our API
 * answers with, so handlers never translate by hand: the Nitro error handler turns any of
 * them into `{ error, code, provider }`.
 */

export type ProviderErrorCode =
  | 'not_supported' | 'provider_auth' | 'not_found' | 'conflict' | 'invalid_request'
  | 'rate_limited' | 'upstream_error' | 'bad_response' | 'timeout' | 'network_error'

export class ProviderError extends Error {
  readonly statusCode: number
  readonly code: ProviderErrorCode
  readonly provider: string
  readonly upstreamStatus?: number
  readonly correlationId?: string
  readonly retryAfterMs?: number

  constructor(opts: {
    provider: string
    code: ProviderErrorCode
    statusCode: number
    message: string
    upstreamStatus?: number
    correlationId?: string
    retryAfterMs?: number
  }) {
    super(opts.message)
    this.name = 'ProviderError'
    this.provider = opts.provider
    this.code = opts.code
    this.statusCode = opts.statusCode
    this.upstreamStatus = opts.upstreamStatus
    this.correlationId = opts.correlationId
    this.retryAfterMs = opts.retryAfterMs
  }
}

/** What our API answers for each error kind (seed table, plus 502/504 for upstream trouble). */
export const STATUS_FOR: Record<ProviderErrorCode, number> = {
  not_supported: 501,
  // Not 401: that would tell our own client its session expired. The upstream refused *our* key.
  provider_auth: 502,
  not_found: 404,
  conflict: 409,
  invalid_request: 400,
  rate_limited: 429,
  upstream_error: 502,
  bad_response: 502,
  timeout: 504,
  network_error: 502,
}

export function providerError(provider: string, code: ProviderErrorCode, message: string, extra: Partial<ProviderError> = {}) {
  return new ProviderError({ provider, code, statusCode: STATUS_FOR[code], message, ...extra } as ConstructorParameters<typeof ProviderError>[0])
}

export class NotSupportedError extends ProviderError {
  constructor(provider: string, operation: string, reason?: string) {
    super({
      provider,
      code: 'not_supported',
      statusCode: 501,
      message: `${provider} does not support ${operation}${reason ? `: ${reason}` : ''}`,
    })
    this.name = 'NotSupportedError'
  }
}

export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError
}
