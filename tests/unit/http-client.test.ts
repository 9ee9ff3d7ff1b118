import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHttpClient, parseRetryAfter, retryDelay, shouldRetry } from '../../server/providers/http'
import { STATUS_FOR } from '../../server/providers/errors'
import { closedPort } from '../support/app-process'

let server: Server
let origin = ''
let script: { status: number, body?: string, headers?: Record<string, string> }[] = []
const seen: { method: string, url: string, auth?: string }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization })
    const next = script.shift() ?? { status: 200, body: '{"ok":true}' }
    res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers })
    res.end(next.body ?? '')
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  origin = `http://127.0.0.1:${(server.address() as any).port}`
})
afterAll(() => new Promise<void>(r => server.close(() => r())))

function client(extra: Partial<Parameters<typeof createHttpClient>[0]> = {}) {
  const sleeps: number[] = []
  const logs: string[] = []
  const c = createHttpClient({
    provider: 'Acme', baseUrl: origin, headers: { Authorization: 'Bearer top-secret-token' }, secrets: ['top-secret-token'],
    sleep: async (ms) => { sleeps.push(ms) }, random: () => 0.5, logger: e => logs.push(JSON.stringify(e)), ...extra,
  })
  return { c, sleeps, logs }
}

describe('retry policy', () => {
  it('retries only safe requests, only on 429/502/503/504 and network errors, at most 3 times', () => {
    expect(shouldRetry({ idempotent: true, status: 503, attempt: 0, maxRetries: 3 })).toBe(true)
    expect(shouldRetry({ idempotent: true, status: 429, attempt: 2, maxRetries: 3 })).toBe(true)
    expect(shouldRetry({ idempotent: true, status: 429, attempt: 3, maxRetries: 3 })).toBe(false)
    expect(shouldRetry({ idempotent: true, status: 500, attempt: 0, maxRetries: 3 })).toBe(false)
    expect(shouldRetry({ idempotent: true, status: 404, attempt: 0, maxRetries: 3 })).toBe(false)
    expect(shouldRetry({ idempotent: true, networkError: true, attempt: 0, maxRetries: 3 })).toBe(true)
    expect(shouldRetry({ idempotent: false, status: 503, attempt: 0, maxRetries: 3 })).toBe(false)
    expect(shouldRetry({ idempotent: false, networkError: true, attempt: 0, maxRetries: 3 })).toBe(false)
  })

  it('parses Retry-After as seconds or a date and caps it', () => {
    expect(parseRetryAfter('3')).toBe(3000)
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000)
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect(retryDelay({ attempt: 0, retryAfterMs: 60_000, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 10_000, random: () => 0 })).toBe(10_000)
    const d = [0, 1, 2, 3].map(a => retryDelay({ attempt: a, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 10_000, random: () => 1 }))
    expect(d).toEqual([100, 200, 400, 800])
  })

  it('a read retried after 429 waits what Retry-After says and then succeeds', async () => {
    script = [{ status: 429, headers: { 'retry-after': '2' } }, { status: 503 }, { status: 200, body: '{"v":1}' }]
    const { c, sleeps } = client()
    expect(await c.get('/things')).toEqual({ v: 1 })
    expect(sleeps[0]).toBe(2000)
    expect(sleeps).toHaveLength(2)
  })

  it('a create is never retried, even on 503', async () => {
    seen.length = 0
    script = [{ status: 503, body: '{"message":"busy"}' }, { status: 200, body: '{}' }]
    const { c, sleeps } = client()
    await expect(c.request({ method: 'POST', path: '/servers', json: { plan: 1 } })).rejects.toMatchObject({ code: 'upstream_error', statusCode: 502 })
    expect(seen.filter(s => s.method === 'POST')).toHaveLength(1)
    expect(sleeps).toHaveLength(0)
    script = []
  })

  it('gives up after 3 retries with a rate-limit error', async () => {
    seen.length = 0
    script = Array.from({ length: 5 }, () => ({ status: 429, headers: { 'retry-after': '1' } }))
    const { c } = client()
    await expect(c.get('/x')).rejects.toMatchObject({ code: 'rate_limited', statusCode: 429 })
    expect(seen).toHaveLength(4)
    script = []
  })
})

describe('error mapping', () => {
  it('maps statuses and bodies to typed errors with our status codes', async () => {
    const cases: [number, string, string, number][] = [
      [401, '{"message":"Unauthenticated","correlation_id":"abc-1"}', 'provider_auth', 502],
      [403, '{"message":"Forbidden"}', 'provider_auth', 502],
      [404, '{"message":"nope"}', 'not_found', 404],
      [409, '{"message":"busy"}', 'conflict', 409],
      [422, '{"message":"The hostname is invalid"}', 'invalid_request', 400],
      [500, '<html><body>boom</body></html>', 'upstream_error', 502],
    ]
    for (const [status, body, code, ours] of cases) {
      script = [{ status, body }]
      const { c } = client({ correlationId: (b: any) => b?.correlation_id })
      const err: any = await c.get('/x').catch(e => e)
      expect(err.code, `${status}`).toBe(code)
      expect(err.statusCode).toBe(ours)
      expect(err.message).toMatch(/^Acme/)
      if (status === 401) expect(err.correlationId).toBe('abc-1')
      if (status === 422) expect(err.message).toContain('The hostname is invalid')
    }
    expect(STATUS_FOR.timeout).toBe(504)
    expect(STATUS_FOR.not_supported).toBe(501)
  })

  it('treats an HTML or broken JSON success body as a bad response', async () => {
    script = [{ status: 200, body: '<!DOCTYPE html><html></html>' }]
    await expect(client().c.get('/x')).rejects.toMatchObject({ code: 'bad_response', message: expect.stringMatching(/HTML page/) })
    script = [{ status: 200, body: '{"a":' }]
    await expect(client().c.get('/x')).rejects.toMatchObject({ code: 'bad_response', message: expect.stringMatching(/not valid JSON/) })
  })

  it('names a closed port and never logs the secret', async () => {
    const { c, logs } = client({ baseUrl: `http://127.0.0.1:${await closedPort()}`, query: { key: 'query-secret-value' }, maxRetries: 1 })
    const err: any = await c.get('/x').catch(e => e)
    expect(err.code).toBe('network_error')
    expect(err.message).toMatch(/connection refused/)
    expect(err.message).not.toContain('query-secret-value')
    expect(logs.join('\n')).not.toContain('query-secret-value')
    expect(logs.join('\n')).not.toContain('top-secret-token')
    expect(logs).toHaveLength(2)
  })
})
