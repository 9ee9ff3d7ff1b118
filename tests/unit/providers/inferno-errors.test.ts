import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../../sandbox/credentials'
import { createAdapter, type AdapterOverrides } from '../../../server/providers/registry'
import type { InfernoState } from '../../../sandbox/providers/inferno/state'

let sb: Sandbox
beforeAll(async () => { sb = await startSandbox({ transitionMs: 100 }) })
afterAll(async () => { await sb.close() })
beforeEach(() => sb.reset())

const KEY = SANDBOX_CREDENTIALS.inferno.api_key
const adapter = (opts: { apiKey?: string, settings?: Record<string, string>, overrides?: AdapterOverrides } = {}) => createAdapter('inferno', {
  slug: 'inferno',
  credentials: { apiKey: opts.apiKey ?? KEY },
  settings: { base_url: sandboxBaseUrl(sb.url, 'inferno'), ...SANDBOX_CREDENTIALS.inferno.extra, ...opts.settings },
}, { sleep: async () => {}, logger: () => {}, ...opts.overrides })
const hits = () => sb.requests.filter(r => r.provider === 'inferno')
const state = () => sb.sims.inferno.state as InfernoState

describe('Inferno errors', () => {
  it('turns a wrong key (HTTP 200, result fail) into provider_auth naming Inferno, without leaking the key', async () => {
    const err = await adapter({ apiKey: 'wrong-key-123456' }).testConnection().catch(e => e)
    expect(err).toMatchObject({ code: 'provider_auth', statusCode: 502, provider: 'Inferno', upstreamStatus: 200 })
    expect(err.message).toMatch(/^Inferno rejected the credentials \(Access denied: invalid cid or API key\)/)
    expect(err.message).not.toContain('wrong-key-123456')
    expect(hits()[0]!.headers['x-key']).toBe('wrong-key-123456')
  })

  it('turns a wrong cid into provider_auth too', async () => {
    await expect(adapter({ settings: { cid: '778' } }).listServers()).rejects.toMatchObject({ code: 'provider_auth' })
  })

  it('refuses to call without a cid setting', async () => {
    await expect(adapter({ settings: { cid: '' } }).getBalance()).rejects.toMatchObject({ code: 'provider_auth', message: expect.stringContaining('client id (cid)') })
    expect(hits()).toHaveLength(0)
  })

  it('retries a read answered 429 with Retry-After, then succeeds', async () => {
    const slept: number[] = []
    sb.faults.add('inferno', { status: 429, retryAfter: 2, match: 'action=orders', count: 1 })
    const a = adapter({ overrides: { sleep: async (ms) => { slept.push(ms) } } })
    await expect(a.listOrders()).resolves.toHaveLength(3)
    expect(hits().map(r => r.query.action)).toEqual(['orders', 'orders'])
    expect(slept).toEqual([2000])
  })

  it('never retries a create answered 503 (exactly one upstream request, no order made)', async () => {
    sb.faults.add('inferno', { status: 503, method: 'POST', count: 3 })
    await expect(adapter().createServer({ plan: '303', hostname: 'x' })).rejects.toMatchObject({ code: 'upstream_error', upstreamStatus: 503 })
    expect(hits()).toHaveLength(1)
    expect(hits()[0]).toMatchObject({ method: 'POST', query: { action: 'create' } })
    expect(state().orders).toHaveLength(3)
  })

  it('never retries install or power writes either', async () => {
    sb.faults.add('inferno', { status: 502, method: 'POST', count: 5 })
    await expect(adapter().power('47012', 'restart')).rejects.toMatchObject({ code: 'upstream_error' })
    await expect(adapter().installServer('47012', { template: 'debian12-64-default' })).rejects.toMatchObject({ code: 'upstream_error' })
    expect(hits()).toHaveLength(2)
  })

  it('turns an HTML answer (a Cloudflare challenge) into bad_response', async () => {
    sb.faults.add('inferno', { html: true, count: 1 })
    await expect(adapter().listServers()).rejects.toMatchObject({ code: 'bad_response', statusCode: 502, message: expect.stringContaining('HTML page') })
  })

  it('times out a hanging request', async () => {
    sb.faults.add('inferno', { hang: true })
    const a = adapter({ overrides: { timeoutMs: 100 } })
    await expect(a.getServer('47012')).rejects.toMatchObject({ code: 'timeout', statusCode: 504 })
    // A read is retried (4 attempts), a write is not.
    expect(hits()).toHaveLength(4)
    sb.requests.length = 0
    await expect(a.power('47012', 'restart')).rejects.toMatchObject({ code: 'timeout' })
    expect(hits()).toHaveLength(1)
    sb.faults.clear('inferno')
  })

  it('maps an unknown order to not_found and an unknown plan to invalid_request', async () => {
    await expect(adapter().getServer('123')).rejects.toMatchObject({ code: 'not_found', statusCode: 404 })
    await expect(adapter().createServer({ plan: '999', hostname: 'x' })).rejects.toMatchObject({ code: 'invalid_request', statusCode: 400 })
  })

  it('turns a wrong endpoint (the web server\'s HTML 404) into not_found', async () => {
    const a = adapter({ settings: { base_url: `${sandboxBaseUrl(sb.url, 'inferno')}/nested/api_client.php` } })
    await expect(a.getBalance()).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('an HTML page instead of JSON') })
    expect(hits()[0]!.path).toBe('/nested/api_client.php')
  })

  it('sends the key as X-Key only, never in the URL or a body, and cid in the JSON body', async () => {
    const a = adapter()
    await a.listOrders()
    await a.power('47013', 'start')
    for (const r of hits()) {
      expect(r).toMatchObject({ method: 'POST' })
      expect(r.headers['x-key']).toBe(KEY)
      expect(r.headers['content-type']).toContain('application/json')
      expect(r.query).toEqual({ action: expect.any(String) })
      expect(JSON.stringify(r.body ?? {})).not.toContain(KEY)
    }
    expect(hits()[0]!.body).toEqual({ cid: '777' })
    expect(hits()[1]!.body).toEqual({ cid: '777', orderid: '47013' })
  })

  it('the simulator takes exactly the two documented styles: GET with cid+key, or JSON POST with X-Key', async () => {
    const url = sandboxBaseUrl(sb.url, 'inferno')
    const res = await fetch(`${url}?action=balance&cid=777&key=${KEY}`)
    expect(await res.json()).toEqual({ result: 'success', balance: '150.00' })
    const post = await fetch(`${url}?action=balance`, { method: 'POST', headers: { 'x-key': KEY, 'content-type': 'application/json' }, body: '{"cid":777}' })
    expect(await post.json()).toEqual({ result: 'success', balance: '150.00' })
    const missing = await fetch(`${url}?action=balance`)
    expect(missing.status).toBe(200)
    expect(await missing.json()).toEqual({ result: 'fail', message: 'Authorization required: pass cid and key' })
    // The undocumented mixes are refused: a GET with X-Key, a POST with the key in the query or a form body.
    const refused = { result: 'fail', message: expect.stringContaining('Authorization required') }
    expect(await (await fetch(`${url}?action=balance&cid=777`, { headers: { 'x-key': KEY } })).json()).toMatchObject(refused)
    expect(await (await fetch(`${url}?action=balance&cid=777&key=${KEY}`, { method: 'POST' })).json()).toMatchObject(refused)
    expect(await (await fetch(`${url}?action=balance`, { method: 'POST', headers: { 'x-key': KEY, 'content-type': 'application/x-www-form-urlencoded' }, body: 'cid=777' })).json()).toMatchObject(refused)
  })
})
