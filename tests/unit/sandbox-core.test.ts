import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../sandbox/server'
import { createHttpClient } from '../../server/providers/http'

let sb: Sandbox
beforeAll(async () => { sb = await startSandbox({ transitionMs: 50 }) })
afterAll(async () => { await sb.close() })

describe('sandbox fault injection', () => {
  it('answers an injected 503 once, then lets the client retry through', async () => {
    sb.faults.add('hostinger', { status: 503, retryAfter: 0, count: 1 })
    // `/nowhere` is no Hostinger path: outside the contract check on purpose.
    const http = createHttpClient({ provider: 'Hostinger', baseUrl: `${sb.url}/hostinger`, sleep: async () => {}, headers: { 'x-sandbox-contract': 'off' } })
    await expect(http.get('/nowhere')).rejects.toMatchObject({ code: 'not_found' })
    const hits = sb.requests.filter(r => r.provider === 'hostinger')
    expect(hits).toHaveLength(2)
  })

  it('turns an HTML body into a bad_response error', async () => {
    sb.faults.add('inferno', { html: true, count: 1 })
    const http = createHttpClient({ provider: 'Inferno', baseUrl: `${sb.url}/inferno/api_client.php` })
    await expect(http.get('', { action: 'balance' })).rejects.toMatchObject({ code: 'bad_response', statusCode: 502 })
  })

  it('hangs a request until the client times out', async () => {
    sb.faults.add('virtua', { hang: true, count: 1 })
    const http = createHttpClient({ provider: 'Virtua.cloud', baseUrl: `${sb.url}/virtua`, timeoutMs: 200, maxRetries: 0 })
    await expect(http.get('/account')).rejects.toMatchObject({ code: 'timeout', statusCode: 504 })
  })
})
