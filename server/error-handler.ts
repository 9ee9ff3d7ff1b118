/**
 * The one error path of the API: every error under /api/** answers
 * `{ "error": "<one clear sentence>", "code"?, "details"?, "provider"? }` (the seed's contract).
 * Details also sit beside `error` (`plan`, `errors`…), where clients written before `details` read them.
 * Refusals come from httpError() (server/lib/http-errors.ts) with their code and details, provider
 * errors (server/providers/errors.ts) carry their own status; validation errors become 400;
 * anything unexpected is a 500 with no stack and no detail (it is logged instead).
 */
import type { H3Error, H3Event } from 'h3'
import { getRequestURL, send, setResponseHeader, setResponseStatus } from 'h3'
import { isProviderError } from './providers/errors'
import { formatIssues, issueList } from './lib/http-errors'
import { foreignKeyConflict } from './lib/db-errors'
import { requestLocale } from './lib/request-locale'
import { invalidInputLead, translateError, translateIssue } from './i18n/translate'

/** What a customer reads instead of a provider's refusal or failure (Russian in RU_UNCODED). */
const CUSTOMER_NOT_SUPPORTED = 'This is not available for this server'
const CUSTOMER_UPSTREAM_FAILED = 'The hosting platform did not complete the request: try again in a few minutes'

export default async function apiErrorHandler(error: H3Error<any>, event: H3Event) {
  const path = getRequestURL(event).pathname
  if (!path.startsWith('/api/')) return

  const original = (error.cause ?? error) as any
  const locale = requestLocale(event)
  let status = 500
  const body: Record<string, unknown> = { error: 'Internal server error' }

  if (isProviderError(original) && event.context.user && event.context.user.role !== 'admin') {
    // White label: a customer never reads which provider failed nor its words, only ours.
    status = original.statusCode
    body.error = translateError(locale, original.code === 'not_supported' ? CUSTOMER_NOT_SUPPORTED : CUSTOMER_UPSTREAM_FAILED)
    body.code = original.code
    if (original.retryAfterMs) setResponseHeader(event, 'Retry-After', Math.ceil(original.retryAfterMs / 1000))
  }
  else if (isProviderError(original)) {
    status = original.statusCode
    // The provider's own words stay, after our sentence in the caller's language.
    body.error = locale === 'en' ? original.message : `${translateError(locale, original.message, original.code)} (${original.message})`
    body.code = original.code
    body.provider = original.provider
    if (original.correlationId) body.correlation_id = original.correlationId
    if (original.retryAfterMs) setResponseHeader(event, 'Retry-After', Math.ceil(original.retryAfterMs / 1000))
  }
  else if (foreignKeyConflict(error)) {
    status = 409
    body.error = foreignKeyConflict(error)
    body.code = 'in_use'
  }
  else if (Array.isArray(error.data?.issues) || Array.isArray(original?.issues)) {
    status = 400
    const issues = ((error.data?.issues ?? original.issues) as { path?: PropertyKey[], message: string }[])
      .map(i => ({ ...i, message: translateIssue(locale, i.message) }))
    body.error = `${invalidInputLead(locale)}: ${formatIssues(issues)}`
    body.code = 'invalid_input'
    // Each field's problem on its own, so a form can mark the field it belongs to.
    body.details = { issues: issueList(issues) }
  }
  else if (error.statusCode && error.statusCode < 500 && error.statusCode >= 400) {
    status = error.statusCode
    body.error = error.message || error.statusMessage || 'Request failed'
    Object.assign(body, codeAndDetails(error.data))
    // h3 answers malformed JSON bodies with this wording; say it plainly.
    if (/Invalid JSON/i.test(String(body.error))) {
      body.error = 'The request body is not valid JSON'
      body.code ??= 'invalid_json'
    }
    body.error = translateError(locale, String(body.error), body.code as string | undefined)
  }
  else if (error.statusCode && error.statusCode >= 500 && error.statusCode !== 500) {
    status = error.statusCode
    body.error = error.message || 'Service unavailable'
    Object.assign(body, codeAndDetails(error.data))
    body.error = translateError(locale, String(body.error), body.code as string | undefined)
  }
  else {
    console.error('[api] unhandled error on', event.method, path, original?.stack ?? original)
  }

  setResponseStatus(event, status)
  setResponseHeader(event, 'Content-Type', 'application/json')
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return send(event, JSON.stringify(body))
}

/** DNS details sent beside `error` before `details` existed; kept there for clients written then. */
const SENT_BESIDE_ERROR = new Set(['plan', 'destructive', 'errors'])

/** An httpError's code and details (under `details` and, as before, beside `error`); details never replace `error` or `code`. */
function codeAndDetails(data: unknown): Record<string, unknown> {
  const { code, details } = (data ?? {}) as { code?: string, details?: Record<string, unknown> }
  const { error: _error, code: _code, ...rest } = details ?? {}
  const beside = Object.fromEntries(Object.entries(rest).filter(([k]) => SENT_BESIDE_ERROR.has(k)))
  return { ...(code ? { code } : {}), ...beside, ...(Object.keys(rest).length ? { details: rest } : {}) }
}
