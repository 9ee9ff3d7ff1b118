/**
 * Cookies are `Secure` only when the browser reached us over HTTPS. A `Secure` cookie sent over
 * plain HTTP to an address other than localhost is dropped by the browser without a word, and
 * sign-in then "succeeds" while every next request is 401.
 *
 * The scheme is the connection's own (TLS on this socket) unless TRUST_PROXY=1: then a reverse
 * proxy in front of us terminates TLS and its `X-Forwarded-Proto` header is believed. Without
 * TRUST_PROXY that header is ignored, since any client could send it.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { env } from './config'

export const trustProxy = () => env().TRUST_PROXY

export function requestIsHttps(req: { headers: IncomingHttpHeaders, socket?: object | null }, trusted = trustProxy()): boolean {
  // A TLS socket (node:https) has `encrypted: true`; a plain one has no such property.
  if ((req.socket as { encrypted?: boolean } | null | undefined)?.encrypted) return true
  if (!trusted) return false
  // A chain of proxies appends: "https, http". The first one is what the browser used.
  const proto = req.headers['x-forwarded-proto']
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0]?.trim().toLowerCase()
  return first === 'https'
}

/** The Set-Cookie values without their `Secure` attribute. */
export function withoutSecure(setCookie: string[]): string[] {
  return setCookie.map(c => c.split(';').filter(part => part.trim().toLowerCase() !== 'secure').join(';'))
}
