/**
 * How Inferno's single endpoint reads a request and shapes an answer.
 *
 * Strictly the two styles the provider's doc shows (seed 003), nothing in between:
 * - GET with every parameter in the query string, the key as `key` (`?action=…&cid=777&key=…`);
 * - POST with a JSON body (`Content-Type: application/json`, `-d '{"cid":777,…}'`) and the key in
 *   the `X-Key` header; `action` stays in the query string, as in every example.
 * A GET's `X-Key` header, a key in a POST's query or body, or a form body are not read.
 * Every answer is HTTP 200; success and failure differ only in `result`, as on the real API.
 */
import type { SimRequest, SimResponse } from '../../core/router'
import { SANDBOX_ACCOUNT } from './account'
import type { InfernoState } from './state'

export type Params = Record<string, string>

const isJsonPost = (req: SimRequest) => req.method === 'POST' && String(req.headers['content-type'] ?? '').includes('application/json')

/** GET: the query string. JSON POST: `action` from the query, the rest from the body. */
export function paramsOf(req: SimRequest): Params {
  if (req.method !== 'POST') return { ...req.query }
  const out: Params = { action: req.query.action ?? '' }
  if (!isJsonPost(req)) return out
  for (const [k, v] of Object.entries(req.body ?? {})) {
    if (k !== 'key' && v !== undefined && v !== null && typeof v !== 'object') out[k] = String(v)
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
  const key = req.method === 'POST' ? (isJsonPost(req) ? (Array.isArray(header) ? header[0] : header) : undefined) : p.key
  if (!key || !p.cid) {
    return fail(req.method === 'POST'
      ? 'Authorization required: send a JSON body with cid and the X-Key header'
      : 'Authorization required: pass cid and key')
  }
  if (p.cid !== state.cid || key !== SANDBOX_ACCOUNT.api_key) return fail('Access denied: invalid cid or API key')
  return null
}

export function isoDate(ms: number) {
  return new Date(ms).toISOString().slice(0, 10)
}
