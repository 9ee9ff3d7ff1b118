/** Errors a handler or service raises on purpose: status, one clear sentence, optional code. */
import { createError } from 'h3'

export function httpError(statusCode: number, message: string, code?: string) {
  return createError({ statusCode, message, data: code ? { code } : undefined })
}

/** Turn zod issues into one readable sentence: "email: Invalid email address; password: Too small". */
export function formatIssues(issues: { path?: PropertyKey[], message: string }[]): string {
  return issues
    .slice(0, 5)
    .map(i => (i.path && i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ')
}
