/** VirtFusion adapter: upstream failures (auth, rate limits, outages, bad bodies, hangs). */
import { describe, expect, it } from 'vitest'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../../sandbox/credentials'
import { createAdapter } from '../../../server/providers/registry'
import { adapter, reqs, sb, state } from './virtfusion-harness'

describe('VirtFusion upstream failures', () => {
  it('a wrong token → provider_auth naming VirtFusion (the panel answers "401 Unauthorized")', async () => {
    const a = createAdapter('virtfusion', {
      slug: 'vf',
      credentials: { apiKey: 'wrong-token' },
      settings: { base_url: sandboxBaseUrl(sb.url, 'virtfusion'), ...SANDBOX_CREDENTIALS.virtfusion.extra },
    }, { sleep: async () => {} })
    const err = await a.testConnection().catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'provider_auth', statusCode: 502, upstreamStatus: 401, provider: 'VirtFusion' })
    expect((err as Error).message).toMatch(/^VirtFusion rejected the credentials/)
    expect((err as Error).message).toContain('401 Unauthorized')
    expect((err as Error).message).not.toContain('wrong-token')
    expect(reqs()[0]!.headers.authorization).toBe('Bearer wrong-token')
  })

  it('a 429 with Retry-After on a read is retried and succeeds', async () => {
    sb.faults.add('virtfusion', { match: '/servers/101', method: 'GET', status: 429, retryAfter: 2, count: 1 })
    const slept: number[] = []
    const s = await adapter({ sleep: async (ms) => { slept.push(ms) } }).getServer('101')
    expect(s.upstreamId).toBe('101')
    expect(reqs().filter(r => r.path === '/servers/101')).toHaveLength(2)
    expect(slept).toEqual([2000])
  })

  it('a 503 on create is not retried: exactly one POST', async () => {
    sb.faults.add('virtfusion', { match: '/servers', method: 'POST', status: 503, count: 3 })
    await expect(adapter().createServer({ plan: '1', hostname: 'x' })).rejects.toMatchObject({ code: 'upstream_error', upstreamStatus: 503 })
    expect(reqs().filter(r => r.method === 'POST')).toHaveLength(1)
    expect(state().servers.filter(s => s.id > 200)).toHaveLength(0)
  })

  it('an HTML page instead of JSON → bad_response', async () => {
    sb.faults.add('virtfusion', { match: '/connect', html: true, count: 1 })
    await expect(adapter().testConnection()).rejects.toMatchObject({ code: 'bad_response', statusCode: 502, message: expect.stringContaining('HTML') })
  })

  it('a hanging panel → timeout', async () => {
    sb.faults.add('virtfusion', { match: '/servers', hang: true })
    await expect(adapter({ timeoutMs: 150 }).listServers()).rejects.toMatchObject({ code: 'timeout', statusCode: 504 })
    // Reads are retried on a timeout, then given up.
    expect(reqs().filter(r => r.path === '/servers')).toHaveLength(4)
  })

  it('a hang on a power action is not repeated', async () => {
    sb.faults.add('virtfusion', { match: '/power/', hang: true })
    await expect(adapter({ timeoutMs: 150 }).power('102', 'start')).rejects.toMatchObject({ code: 'timeout' })
    expect(reqs()).toHaveLength(1)
  })

  it('a JSON answer without the expected data → bad_response', async () => {
    // The fault answers 200 with `{"message":…}`: valid JSON, but no `data` record.
    sb.faults.add('virtfusion', { match: '/servers/101', method: 'GET', status: 200, count: 1 })
    await expect(adapter().getServer('101')).rejects.toMatchObject({ code: 'bad_response', message: expect.stringContaining('without server 101') })
    sb.faults.add('virtfusion', { match: '/packages', method: 'GET', status: 200, count: 1 })
    await expect(adapter().listPlans()).rejects.toMatchObject({ code: 'bad_response' })
  })

  it('an unknown path → not_found with VirtFusion\'s own error text', async () => {
    const err = await adapter().getServer('424242').catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'not_found', statusCode: 404, upstreamStatus: 404, message: expect.stringContaining('server not found') })
  })
})
