/**
 * The exactly-once engine's rules (README "Exactly-once"): the one key rule, the one canonical
 * request hash, the one "nothing was bought" rule and the one set of error codes. Every money
 * path answers with these.
 */
import { createHash } from 'node:crypto'
import { httpError } from '#server/lib/http-errors'
import { isProviderError } from '#server/providers/errors'

/** 8–200 visible ASCII characters (a UUID works). */
const KEY_RE = /^[\x21-\x7E]{8,200}$/

/** The key as sent, or null for a keyless request; a malformed key is a 400. */
export function parseIdempotencyKey(raw: string | undefined | null): string | null {
  const k = raw?.trim()
  if (!k) return null
  if (!KEY_RE.test(k)) throw EO.invalidKey()
  return k
}

/** JSON with sorted keys and no undefined, so equal requests hash equally whatever their key order. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`
  }
  return JSON.stringify(v ?? null)
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex')
}

/** The engine's error codes: the same situation gets the same code on every route. */
export const EO = {
  invalidKey: () => httpError(400, 'Idempotency-Key must be 8–200 visible ASCII characters without spaces (a UUID works)', 'idempotency_key_invalid'),
  keyReused: () => httpError(422, 'This Idempotency-Key was already used for a different request; use a new key for a new request', 'idempotency_key_reused'),
  inProgress: () => httpError(409, 'The first request with this Idempotency-Key is still being carried out; ask again in a moment', 'idempotency_in_progress'),
}

/** A definite failure: the provider refused (4xx, 429, auth) or we refused before sending. */
export function definiteFailure(e: unknown): boolean {
  if (isProviderError(e)) {
    if (e.code === 'timeout' || e.code === 'network_error' || e.code === 'bad_response') return false
    if (e.code === 'upstream_error') return (e.upstreamStatus ?? 500) < 500
    return true
  }
  const status = (e as { statusCode?: number })?.statusCode
  return typeof status === 'number' && status < 500
}
