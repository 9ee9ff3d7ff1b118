/** zod-validated params, query and body; failures become 400 `{ error }` via the error handler. */
import type { H3Event } from 'h3'
import { getQuery, getRouterParams, readBody } from 'h3'
import { z } from 'zod'
import { formatIssues, httpError, issueList } from '../lib/http-errors'
import { findControlChar } from '../lib/control-chars'
import { requestLocale } from '../lib/request-locale'
import { translateIssue } from '../i18n/translate'
import type { Locale } from '#shared/schemas/users'

/** zod's own messages in the request's language; our schemas' messages are translated after. */
const ZOD_MESSAGES: Partial<Record<Locale, z.core.$ZodErrorMap>> = { ru: z.locales.ru().localeError }
const WHAT_RU: Record<string, string> = { body: 'тело запроса', query: 'параметры запроса', path: 'путь запроса' }

function guard(data: unknown, what: string) {
  // server/middleware/00.input-guard.ts refuses these for every /api request already; this
  // covers callers outside /api. Only a body may hold tabs and line breaks (zone files, notes).
  const bad = findControlChar(data, what === 'body')
  if (bad) throw httpError(400, `Invalid ${what}: ${bad} contains a control character`, 'invalid_input')
}

function check<T extends z.ZodType>(event: H3Event, schema: T, data: unknown, what: string): z.infer<T> {
  guard(data, what)
  const locale = requestLocale(event)
  return result(locale, schema.safeParse(data, ZOD_MESSAGES[locale] ? { error: ZOD_MESSAGES[locale] } : undefined), what)
}

function result<T>(locale: Locale, r: z.ZodSafeParseResult<T>, what: string): T {
  if (r.success) return r.data
  const issues = r.error.issues.map(i => ({ ...i, message: translateIssue(locale, i.message) }))
  const lead = locale === 'ru' ? `Неверные данные (${WHAT_RU[what] ?? what})` : `Invalid ${what}`
  throw httpError(400, `${lead}: ${formatIssues(issues)}`, 'invalid_input', { issues: issueList(issues) })
}

export async function validBody<T extends z.ZodType>(event: H3Event, schema: T): Promise<z.infer<T>> {
  let body: unknown
  try { body = await readBody(event) }
  catch { throw httpError(400, 'The request body is not valid JSON', 'invalid_json') }
  guard(body ?? {}, 'body')
  // Async: a body's rules may wait (the password rule asks zxcvbn's own process).
  const locale = requestLocale(event)
  return result(locale, await schema.safeParseAsync(body ?? {}, ZOD_MESSAGES[locale] ? { error: ZOD_MESSAGES[locale] } : undefined), 'body')
}

export function validQuery<T extends z.ZodType>(event: H3Event, schema: T): z.infer<T> {
  return check(event, schema, getQuery(event), 'query')
}

export function validParams<T extends z.ZodType>(event: H3Event, schema: T): z.infer<T> {
  return check(event, schema, getRouterParams(event, { decode: true }), 'path')
}
