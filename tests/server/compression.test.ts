/**
 * Text answers travel compressed when the client accepts it (brotli first, else gzip) and plain
 * when it does not: server-rendered pages and API JSON (server/plugins/90.compression.ts), and
 * the built assets, precompressed at build (nitro.compressPublicAssets).
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { request } from 'node:http'
import { beforeAll, describe, expect, it } from 'vitest'
import { adminClient, baseUrl, type Client } from './helpers'

/** A raw GET (no transparent decoding, unlike fetch): status, headers and the bytes as sent. */
function rawGet(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number, headers: Record<string, string | string[] | undefined>, body: Buffer }>((resolve, reject) => {
    const req = request(baseUrl() + path, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', c => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

const decode = (r: { headers: Record<string, unknown>, body: Buffer }) =>
  (r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body).toString()

let admin: Client
beforeAll(async () => { admin = await adminClient() })

describe('compression', () => {
  it('sends a server-rendered page as brotli or gzip as asked, plain otherwise, with its CSP intact', async () => {
    const br = await rawGet('/login', { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.headers['content-security-policy']).toMatch(/script-src[^;]*'nonce-/)
    const html = decode(br)
    expect(html).toMatch(/^<!DOCTYPE html>/i)
    const nonce = String(br.headers['content-security-policy']).match(/'nonce-([^']+)'/)![1]
    expect(html).toContain(`nonce="${nonce}"`)

    const gz = await rawGet('/login', { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(decode(gz)).toMatch(/^<!DOCTYPE html>/i)

    const plain = await rawGet('/login', { 'accept-encoding': 'identity' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toMatch(/^<!DOCTYPE html>/i)
    const none = await rawGet('/login')
    expect(none.headers['content-encoding']).toBeUndefined()
  })

  it('compresses API JSON, leaves tiny answers plain', async () => {
    const cookie = admin.cookie
    const br = await rawGet('/api/openapi.json', { 'accept-encoding': 'br, gzip', cookie })
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/application\/json/)
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(JSON.parse(decode(br)).openapi).toMatch(/^3\./)
    expect(br.body.byteLength).toBeLessThan(decode(br).length / 3)

    const plain = await rawGet('/api/openapi.json', { 'accept-encoding': 'identity', cookie })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(plain.body.toString()).openapi).toMatch(/^3\./)

    // A few bytes gain nothing from compression.
    const health = await rawGet('/api/health', { 'accept-encoding': 'br, gzip' })
    expect(health.status).toBe(200)
    expect(health.headers['content-encoding']).toBeUndefined()
  })

  it('sends an error page (a 404 here) readable, whatever encoding is asked', async () => {
    // Nuxt renders it in-process (/__nuxt_error) and sends that answer on as text: compressed
    // there, the page arrived as mangled bytes labelled br, an empty page in the browser.
    for (const encoding of ['br, gzip', 'gzip', 'identity']) {
      const r = await rawGet('/no-such-page', { 'accept-encoding': encoding, 'accept': 'text/html', 'cookie': admin.cookie })
      expect(r.status, encoding).toBe(404)
      expect(decode(r), encoding).toMatch(/^<!DOCTYPE html>[\s\S]*Page not found/i)
    }
  })

  it('serves built JS as precompressed brotli or gzip, plain when not asked', async () => {
    const html = (await rawGet('/login', { 'accept-encoding': 'identity' })).body.toString()
    // The largest script the page links: the entry can be a few bytes that only import the
    // framework chunk, too small to be worth compressing (so not precompressed).
    const linked = await Promise.all([...new Set(html.match(/\/_nuxt\/[\w.-]+\.js/g))].map(async href => ({ href, res: await rawGet(href, { 'accept-encoding': 'identity' }) })))
    const { href: js, res: plain } = linked.sort((a, b) => b.res.body.byteLength - a.res.body.byteLength)[0]!
    expect(plain.status).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    for (const encoding of ['br', 'gzip']) {
      const r = await rawGet(js, { 'accept-encoding': encoding })
      expect(r.headers['content-encoding'], encoding).toBe(encoding)
      expect(r.headers.vary).toMatch(/accept-encoding/i)
      expect(decode(r)).toBe(plain.body.toString())
      expect(r.body.byteLength).toBeLessThan(plain.body.byteLength)
    }
  })
})
