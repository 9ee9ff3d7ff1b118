/**
 * The one way a handler or service refuses on purpose: status, one clear sentence, optional code
 * and details. The API error handler (server/error-handler.ts) renders it as
 * `{ error, code, ...details }`: details such as DNS's `plan` or `errors` sit next to `error`.
 */
import { createError } from 'h3'

export type ErrorDetails = Record<string, unknown>

export function httpError(statusCode: number, message: string, code?: string, details?: ErrorDetails) {
  return createError({ statusCode, message, data: code || details ? { code, details } : undefined })
}

/** Turn zod issues into one readable sentence: "email: Invalid email address; password: Too small". */
export function formatIssues(issues: { path?: PropertyKey[], message: string }[]): string {
  return issues
    .slice(0, 5)
    .map(i => (i.path && i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ')
}

/** Each field's problem on its own (`details.issues` of a 400 `invalid_input`), for a form to mark that field. */
export function issueList(issues: { path?: PropertyKey[], message: string }[]): { path: string, message: string }[] {
  return issues.map(i => ({ path: (i.path ?? []).map(String).join('.'), message: i.message }))
}
