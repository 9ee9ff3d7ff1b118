/**
 * Cross-site request forgery: a browser sends the session cookie with a form post or a fetch
 * from any site, so SameSite alone is not enough. A state-changing /api request that a browser
 * could have sent must prove it came from our own pages:
 *
 *  - its `Origin` names this host (the Host header, so it holds behind a reverse proxy that
 *    keeps Host), or, without an Origin, `Sec-Fetch-Site: same-origin`;
 *  - a body is JSON (a cross-site form cannot send `application/json` without a CORS
 *    preflight, which we never grant).
 *
 * `Authorization: Bearer` requests are exempt: browsers never add that header on their own.
 * A request with neither Origin nor Sec-Fetch-Site comes from a script, not a browser; it is
 * let through only when it carries no session cookie (a curl sign-in), never with one.
 */
import type { H3Event } from 'h3'
import { getCookie, getRequestHeader } from 'h3'

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
export const SESSION_COOKIE = 'nuxt-session'

export function isJsonContentType(ct: string | undefined): boolean {
  if (!ct) return false
  const type = ct.split(';')[0]!.trim().toLowerCase()
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))
}

function hasBody(event: H3Event): boolean {
  const h = event.node.req.headers
  return !!h['transfer-encoding'] || Number(h['content-length'] ?? 0) > 0
}

function sameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false
  try { return new URL(origin).host.toLowerCase() === host.toLowerCase() }
  catch { return false }
}

/** Why this request is refused as possibly forged, or null when it may go on. */
export function csrfRefusal(event: H3Event, sessionCookie = SESSION_COOKIE): string | null {
  if (!STATE_CHANGING.has(event.method)) return null
  if (/^Bearer\s/i.test(getRequestHeader(event, 'authorization') ?? '')) return null

  if (hasBody(event) && !isJsonContentType(getRequestHeader(event, 'content-type'))) {
    return 'Send the request body as JSON (Content-Type: application/json)'
  }
  const origin = getRequestHeader(event, 'origin')
  const fetchSite = getRequestHeader(event, 'sec-fetch-site')
  if (origin) {
    return sameHost(origin, getRequestHeader(event, 'host')) ? null : 'This request came from another site'
  }
  if (fetchSite) return fetchSite === 'same-origin' ? null : 'This request came from another site'
  if (getCookie(event, sessionCookie)) return 'A signed-in request must carry an Origin header naming this site'
  return null
}
