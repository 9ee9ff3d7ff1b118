/**
 * Compresses dynamic text answers (SSR pages, API JSON) with brotli or gzip, as the request's
 * Accept-Encoding allows. Built assets under /_nuxt are precompressed at build
 * (nitro.compressPublicAssets) and served as .br/.gz by Nitro's static handler, which sets
 * Content-Encoding itself, so they are skipped here like any answer that is already encoded.
 * Runs in `beforeResponse`, after nuxt-security has put its nonce and headers on the page, so
 * the bytes compressed are the final ones.
 * Not Nuxt's error page render: Nuxt's error handler fetches /__nuxt_error in-process, reads the
 * answer as text and sends that text on with the answer's headers, so compressed bytes there left
 * every error page (404, 403) undecodable, an empty page in the browser.
 */
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { H3Event } from 'h3'
import { pickEncoding } from '../lib/http-compression'

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)
/** Below this, compression costs more than it saves (headers alone are ~300 bytes). */
const MIN_BYTES = 1024
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|problem\+json|ld\+json|manifest\+json)|image\/svg\+xml)/i

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', async (event: H3Event, response: { body?: unknown }) => {
    const res = event.node.res
    if (res.headersSent || res.getHeader('content-encoding') || event.method === 'HEAD') return
    if (event.path.startsWith('/__nuxt_error')) return
    const status = res.statusCode
    if (status === 204 || status === 304 || (status >= 100 && status < 200)) return

    // The bytes are made only once compression is decided on: serialising a large JSON answer
    // just to learn its size cost as much again as h3's own serialisation.
    let bytes: () => Buffer
    const body = response.body
    let type = String(res.getHeader('content-type') ?? '')
    if (typeof body === 'string') {
      bytes = () => Buffer.from(body)
      if (!type) res.setHeader('content-type', type = 'text/html; charset=utf-8')
    }
    else if (body instanceof Uint8Array) bytes = () => Buffer.from(body.buffer, body.byteOffset, body.byteLength)
    else if (body !== null && body !== undefined && isPlainJson(body)) {
      // What h3 would send next (handleHandlerResponse): the JSON text.
      const json = JSON.stringify(body)
      bytes = () => Buffer.from(json)
      if (!type) res.setHeader('content-type', type = 'application/json')
      // h3 sends a string as it is (its type is set by now), without serialising it again.
      response.body = json
    }
    else return // streams, web Responses, empty bodies: left to h3 as they are

    if (!COMPRESSIBLE.test(type)) return
    appendVary(event)
    const encoding = pickEncoding(event.node.req.headers['accept-encoding'])
    if (!encoding) return
    const raw = bytes()
    if (raw.byteLength < MIN_BYTES) return

    // Dynamic answers: brotli quality 5 is close to gzip's speed with a better ratio; the
    // slow top qualities are for the build-time precompressed assets.
    const out = encoding === 'br'
      ? await brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength } })
      : await gz(raw, { level: 6 })
    res.setHeader('content-encoding', encoding)
    res.removeHeader('content-length')
    response.body = out
  })
})

function isPlainJson(v: unknown) {
  if (typeof v === 'number' || typeof v === 'boolean') return true
  if (typeof v !== 'object') return false
  const o = v as Record<string, unknown>
  // Streams, Responses, Blobs and the like are sent by h3 in their own way.
  return typeof o.pipe !== 'function' && typeof o.arrayBuffer !== 'function' && typeof o.end !== 'function' && !(v instanceof Error) && !('buffer' in o && o.buffer)
}

function appendVary(event: H3Event) {
  const res = event.node.res
  const vary = String(res.getHeader('vary') ?? '')
  if (!/\baccept-encoding\b/i.test(vary)) res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
}
