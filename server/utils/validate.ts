/** zod-validated params, query and body; failures become 400 `{ error }` via the error handler. */
import type { H3Event } from 'h3'
import { getQuery, getRouterParams, readBody } from 'h3'
import type { z } from 'zod'
import { formatIssues, httpError, issueList } from '../lib/http-errors'
import { findControlChar } from '../lib/control-chars'

function check<T extends z.ZodType>(schema: T, data: unknown, what: string): z.infer<T> {
  // server/middleware/00.input-guard.ts refuses these for every /api request already; this
  // covers callers outside /api. Only a body may hold tabs and line breaks (zone files, notes).
  const bad = findControlChar(data, what === 'body')
  if (bad) throw httpError(400, `Invalid ${what}: ${bad} contains a control character`, 'invalid_input')
  const r = schema.safeParse(data)
  if (!r.success) throw httpError(400, `Invalid ${what}: ${formatIssues(r.error.issues)}`, 'invalid_input', { issues: issueList(r.error.issues) })
  return r.data
}

export async function validBody<T extends z.ZodType>(event: H3Event, schema: T): Promise<z.infer<T>> {
  let body: unknown
  try { body = await readBody(event) }
  catch { throw httpError(400, 'The request body is not valid JSON', 'invalid_json') }
  return check(schema, body ?? {}, 'body')
}

export function validQuery<T extends z.ZodType>(event: H3Event, schema: T): z.infer<T> {
  return check(schema, getQuery(event), 'query')
}

export function validParams<T extends z.ZodType>(event: H3Event, schema: T): z.infer<T> {
  return check(schema, getRouterParams(event, { decode: true }), 'path')
}
