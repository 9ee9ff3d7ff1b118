/** Hostinger adapter against the sandbox: auth, retries, timeouts and odd bodies. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../../sandbox/credentials'
import { createAdapter, type AdapterOverrides } from '../../../server/providers/registry'
import type { HostingerAdapter } from '../../../server/providers/hostinger'
import type { HostingerState } from '../../../sandbox/providers/hostinger/state'

const TOKEN = SANDBOX_CREDENTIALS.hostinger.api_key
let sb: Sandbox
const sleeps: number[] = []
const adapter = (apiKey: string = TOKEN, overrides: AdapterOverrides = {}) => createAdapter('hostinger', {
  slug: 'hostinger',
  credentials: { apiKey },
  settings: { base_url: sandboxBaseUrl(sb.url, 'hostinger'), ...SANDBOX_CREDENTIALS.hostinger.extra },
}, { sleep: async (ms) => { sleeps.push(ms) }, logger: () => {}, ...overrides }) as HostingerAdapter
const hits = () => sb.requests.filter(r => r.provider === 'hostinger')
const BUY = { plan: 'hostingercom-vps-kvm1-usd-1m', dataCenterId: '19', template: '1130', hostname: 'buy.example.com' }

beforeAll(async () => { sb = await startSandbox({ transitionMs: 100 }) })
afterAll(async () => { await sb.close() })
beforeEach(() => { sb.reset(); sleeps.length = 0 })

/** Requests that break the spec on purpose (to test the refusal) are not contract violations. */
const OFF_CONTRACT = { 'x-sandbox-contract': 'off' }

describe('hostinger errors', () => {
  it('answers a wrong key with the spec\'s 401 body, mapped to provider_auth naming Hostinger', async () => {
    const res = await fetch(`${sandboxBaseUrl(sb.url, 'hostinger')}/api/vps/v1/virtual-machines`, { headers: { Authorization: 'Bearer nope' } })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ message: 'Unauthenticated', correlation_id: expect.stringMatching(/^[0-9a-f-]{36}$/) })

    const err = await adapter('wrong-token-123').testConnection().catch(e => e)
    expect(err).toMatchObject({ code: 'provider_auth', statusCode: 502, provider: 'Hostinger', upstreamStatus: 401, correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) })
    expect(err.message).toMatch(/^Hostinger rejected the credentials \(HTTP 401: Unauthenticated\)/)
    expect(err.message).not.toContain('wrong-token-123')
    // A missing header is refused the same way.
    const bare = await fetch(`${sandboxBaseUrl(sb.url, 'hostinger')}/api/billing/v1/catalog`, { headers: OFF_CONTRACT })
    expect(bare.status).toBe(401)
    // Like Laravel, an unknown route is a 404 before any token check.
    expect((await fetch(`${sandboxBaseUrl(sb.url, 'hostinger')}/api/nothing/here`, { headers: OFF_CONTRACT })).status).toBe(404)
  })

  it('retries a read answered 429 with Retry-After, then succeeds', async () => {
    sb.faults.add('hostinger', { status: 429, retryAfter: 2, count: 1, match: '/virtual-machines' })
    const list = await adapter().listServers()
    expect(list).toHaveLength(2)
    expect(hits().filter(r => r.path === '/api/vps/v1/virtual-machines')).toHaveLength(2)
    expect(sleeps).toEqual([2000])
  })

  it('never retries a purchase answered 503: exactly one upstream request', async () => {
    sb.faults.add('hostinger', { status: 503, retryAfter: 0, count: 3, match: '/virtual-machines', method: 'POST' })
    await expect(adapter().createServer(BUY)).rejects.toMatchObject({ code: 'upstream_error', statusCode: 502, upstreamStatus: 503 })
    expect(hits().filter(r => r.method === 'POST')).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('never retries a restart answered 503 either, but does retry an idempotent stop', async () => {
    sb.faults.add('hostinger', { status: 503, retryAfter: 0, count: 1, match: '/restart' })
    await expect(adapter().power('1268054', 'restart')).rejects.toMatchObject({ code: 'upstream_error' })
    expect(hits()).toHaveLength(1)
    sb.faults.add('hostinger', { status: 503, retryAfter: 0, count: 1, match: '/stop' })
    await expect(adapter().power('1268054', 'stop')).resolves.toMatchObject({ status: 'stopped' })
    expect(hits().filter(r => r.path.endsWith('/stop'))).toHaveLength(2)
  })

  it('turns an HTML body into bad_response', async () => {
    sb.faults.add('hostinger', { html: true, count: 1 })
    await expect(adapter().listSubscriptions()).rejects.toMatchObject({ code: 'bad_response', statusCode: 502, message: expect.stringMatching(/HTML page/) })
  })

  it('times out a hanging request', async () => {
    sb.faults.add('hostinger', { hang: true, count: 5 })
    await expect(adapter(TOKEN, { timeoutMs: 150 }).listTemplates()).rejects.toMatchObject({ code: 'timeout', statusCode: 504 })
  })

  it('a purchase whose answer was lost times out once, and the VM it made is listed with its hostname', async () => {
    sb.faults.add('hostinger', { hangAfter: true, count: 1, match: '/virtual-machines', method: 'POST' })
    const a = adapter(TOKEN, { timeoutMs: 200 })
    await expect(a.createServer(BUY)).rejects.toMatchObject({ code: 'timeout' })
    // The exactly-once engine settles it from the list (the hostname, under its account lock).
    const found = (await a.listServers()).filter(s => s.hostname === 'buy.example.com')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ plan: 'KVM 1' })
    expect(hits().filter(r => r.method === 'POST')).toHaveLength(1)
    expect((sb.sims.hostinger.state as HostingerState).vms).toHaveLength(3)
  })

  it('answers not_found for unknown ids and routes, keeping the correlation id', async () => {
    const a = adapter()
    await expect(a.getServer('123')).rejects.toMatchObject({ code: 'not_found', correlationId: expect.any(String) })
    const res = await fetch(`${sandboxBaseUrl(sb.url, 'hostinger')}/api/vps/v1/nowhere`, { headers: { Authorization: `Bearer ${TOKEN}`, ...OFF_CONTRACT } })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ message: 'The route api/vps/v1/nowhere could not be found.', correlation_id: expect.any(String) })
  })

  it('keeps working after a failed data-center lookup (region falls back to the id)', async () => {
    sb.faults.add('hostinger', { status: 500, count: 1, match: '/data-centers' })
    const list = await adapter().listServers()
    expect(list.find(s => s.upstreamId === '1268054')!.region).toBe('19')
  })
})
