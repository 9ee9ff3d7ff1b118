/**
 * How Inferno's single endpoint reads a request and shapes an answer.
 *
 * Parameters may come from the query string, a form body or a JSON body (the doc: "POST, GET,
 * JSON"), so they are merged, body over query. The key comes from `X-Key` (current doc) or a
 * `key` parameter (older doc). Every answer is HTTP 200; success and failure differ only in
 * `result`, as on the real API.
 */
import type { SimRequest, SimResponse } from '../../core/router'
import { SANDBOX_CREDENTIALS } from '../../credentials'
import type { InfernoState } from './state'

export type Params = Record<string, string>

export function paramsOf(req: SimRequest): Params {
  const out: Params = { ...req.query }
  for (const [k, v] of Object.entries(req.body ?? {})) {
    if (v !== undefined && v !== null && typeof v !== 'object') out[k] = String(v)
  }
  return out
}

export function ok(fields: Record<string, unknown> = {}): SimResponse {
  return { json: { result: 'success', ...fields } }
}

export function fail(message: string, fields: Record<string, unknown> = {}): SimResponse {
  return { json: { result: 'fail', message, ...fields } }
}

/** Actions anyone may call (the doc's `list` example sends no key). */
export const PUBLIC_ACTIONS = new Set(['list'])

export function checkAuth(state: InfernoState, req: SimRequest): SimResponse | null {
  // Only the script itself checks keys; anything below it is the web server's 404.
  if (req.path !== '/') return null
  const p = paramsOf(req)
  if (PUBLIC_ACTIONS.has(p.action ?? '')) return null
  const header = req.headers['x-key']
  const key = (Array.isArray(header) ? header[0] : header) ?? p.key
  if (!key || !p.cid) return fail('Authorization required: pass cid and key')
  if (p.cid !== state.cid || key !== SANDBOX_CREDENTIALS.inferno.api_key) return fail('Access denied: invalid cid or API key')
  return null
}

export function isoDate(ms: number) {
  return new Date(ms).toISOString().slice(0, 10)
}
