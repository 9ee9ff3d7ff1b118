/**
 * The one reader of a failed $fetch / useFetch. Our API answers `{ error, code?, details? }`
 * (server/error-handler.ts); a network failure or a non-API error has only a message.
 */
export interface ApiError<D extends object = Record<string, unknown>> {
  /** One readable sentence: the API's `error`, or what went wrong on the way. */
  error: string
  /** Machine-readable reason (`unsafe_change`, `reauth_required` …), when the API gave one. */
  code?: string
  /** HTTP status, when there was an answer. */
  status?: number
  /** The API's `details` (DNS: `plan`, `errors`; invalid input: `issues`); empty for a non-API error. */
  details: Partial<D>
}

/** English until the app (plugins/error-fallback.ts) says it in the reader's language. */
let fallbackText: () => string | undefined = () => undefined
const ENGLISH_FALLBACK = 'Something went wrong'

/** The sentence for a failure that carries none, in the reader's language. */
export function setErrorFallback(text: () => string | undefined) {
  fallbackText = text
}

export function apiError<D extends object = Record<string, unknown>>(e: unknown, fallback?: string): ApiError<D> {
  const err = e as { data?: unknown, statusMessage?: string, message?: string, statusCode?: number, status?: number } | null | undefined
  const data = err?.data && typeof err.data === 'object' ? err.data as Record<string, unknown> : {}
  // `details` when the API sent it; older answers put the same fields beside `error`.
  const { error, code, details: nested, ...beside } = data
  const details = nested && typeof nested === 'object' ? nested as Record<string, unknown> : beside
  const fromApi = typeof error === 'string'
  return {
    error: fromApi ? error : (typeof data.message === 'string' ? data.message : undefined) ?? err?.statusMessage ?? err?.message ?? fallback ?? fallbackText() ?? ENGLISH_FALLBACK,
    code: fromApi && typeof code === 'string' ? code : undefined,
    status: err?.statusCode ?? err?.status,
    details: (fromApi ? details : {}) as Partial<D>,
  }
}

/** Just the sentence, for a toast or a form message. */
export function errorMessage(e: unknown, fallback?: string): string {
  return apiError(e, fallback).error
}

export function errorStatus(e: unknown): number | undefined {
  return apiError(e).status
}
