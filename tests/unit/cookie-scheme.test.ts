import { describe, expect, it } from 'vitest'
import { requestIsHttps, withoutSecure } from '../../server/lib/cookie-scheme'

const req = (headers: Record<string, string | string[]> = {}, encrypted = false) => ({ headers, socket: { encrypted } })

describe('requestIsHttps', () => {
  it('believes the socket: TLS here is HTTPS, whatever the headers say', () => {
    expect(requestIsHttps(req({}, true), false)).toBe(true)
    expect(requestIsHttps(req({ 'x-forwarded-proto': 'http' }, true), true)).toBe(true)
  })

  it('ignores X-Forwarded-Proto unless the proxy is trusted (any client can send it)', () => {
    expect(requestIsHttps(req({ 'x-forwarded-proto': 'https' }), false)).toBe(false)
    expect(requestIsHttps(req({ 'x-forwarded-proto': 'https' }), true)).toBe(true)
  })

  it('takes the first proxy of a chain, the one the browser talked to', () => {
    expect(requestIsHttps(req({ 'x-forwarded-proto': 'https, http' }), true)).toBe(true)
    expect(requestIsHttps(req({ 'x-forwarded-proto': 'http, https' }), true)).toBe(false)
    expect(requestIsHttps(req({ 'x-forwarded-proto': ' HTTPS ' }), true)).toBe(true)
    expect(requestIsHttps(req({}), true)).toBe(false)
  })
})

describe('withoutSecure', () => {
  it('drops only the Secure attribute', () => {
    expect(withoutSecure(['nuxt-session=abc; Path=/; Expires=Mon, 07 Dec 2026 07:00:00 GMT; HttpOnly; Secure; SameSite=Lax', 'theme=dark; Path=/']))
      .toEqual(['nuxt-session=abc; Path=/; Expires=Mon, 07 Dec 2026 07:00:00 GMT; HttpOnly; SameSite=Lax', 'theme=dark; Path=/'])
    // A value that merely contains the word is left alone.
    expect(withoutSecure(['note=Secure; Path=/'])).toEqual(['note=Secure; Path=/'])
  })
})
