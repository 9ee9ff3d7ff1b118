/** Virtua.cloud failure paths: auth, retries, bad bodies, timeouts, state refusals, unsupported. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../sandbox/server'
import { NotSupportedError, ProviderError } from '../../../server/providers/errors'
import { createHttpClient } from '../../../server/providers/http'
import type { VirtuaAdapter } from '../../../server/providers/virtua'
import { call } from '../../../server/providers/virtua/client'
import type { VirtuaState } from '../../../sandbox/providers/virtua/state'
import { lastRequest, makeAdapter, settle, STOPPED_SERVER, SUSPENDED_SERVER, TRANSITION_MS, virtuaRequests, WIN_SERVER } from './virtua-helpers'

let sb: Sandbox
let adapter: VirtuaAdapter
beforeAll(async () => {
  sb = await startSandbox({ transitionMs: TRANSITION_MS })
  adapter = makeAdapter(sb)
})
afterAll(async () => { await sb.close() })
beforeEach(() => sb.reset())

describe('Virtua.cloud transport errors', () => {
  it('turns a wrong key into provider_auth naming the provider and the upstream reason', async () => {
    const bad = makeAdapter(sb, { apiKey: 'not-the-key' })
    const err = await bad.testConnection().catch(e => e)
    expect(err).toBeInstanceOf(ProviderError)
    expect(err).toMatchObject({ code: 'provider_auth', statusCode: 502, upstreamStatus: 403, provider: 'Virtua.cloud' })
    expect(err.message).toContain('Virtua.cloud rejected the credentials')
    expect(err.message).toContain('Invalid API key. [forbidden]')
    expect(err.message).not.toContain('not-the-key')
    expect(lastRequest(sb).headers.authorization).toBe('Basic not-the-key')
  })

  it('retries a read after an injected 429 with Retry-After', async () => {
    sb.faults.add('virtua', { match: '/cloud-server', status: 429, retryAfter: 1, count: 1 })
    const servers = await adapter.listServers()
    expect(servers).toHaveLength(3)
    expect(virtuaRequests(sb).map(r => r.path)).toEqual(['/cloud-server', '/cloud-server'])
  })

  it('gives up with rate_limited when the 429s do not stop', async () => {
    sb.faults.add('virtua', { match: '/account', status: 429, retryAfter: 2 })
    await expect(adapter.getBalance()).rejects.toMatchObject({ code: 'rate_limited', statusCode: 429, retryAfterMs: 2000 })
    expect(virtuaRequests(sb)).toHaveLength(4)
  })

  it('does not repeat an order after an injected 503', async () => {
    sb.faults.add('virtua', { match: '/cloud/order', status: 503, count: 1 })
    await expect(adapter.createServer({ plan: 'vcs-2-intel.par01fr', template: 'debian-10-64', hostname: 'once.example.com', options: { project: '6f1c2b1e-3a4d-4f5e-9a7b-1c2d3e4f5a6b' } }))
      .rejects.toMatchObject({ code: 'upstream_error', upstreamStatus: 503 })
    expect(virtuaRequests(sb).filter(r => r.path === '/cloud/order')).toHaveLength(1)
    expect((sb.sims.virtua.state as VirtuaState).servers.size).toBe(3)
  })

  it('does not repeat a power action after an injected 503', async () => {
    sb.faults.add('virtua', { match: '/stop', status: 503, count: 1 })
    await expect(adapter.power(WIN_SERVER, 'stop')).rejects.toMatchObject({ code: 'upstream_error' })
    expect(virtuaRequests(sb)).toHaveLength(1)
  })

  it('reports an HTML page as bad_response', async () => {
    sb.faults.add('virtua', { html: true, count: 1 })
    await expect(adapter.listPlans()).rejects.toMatchObject({ code: 'bad_response', statusCode: 502, message: expect.stringContaining('HTML') })
  })

  it('times out on a hang', async () => {
    sb.faults.add('virtua', { hang: true })
    const slow = makeAdapter(sb, { timeoutMs: 100 })
    // A timed-out order is never repeated.
    await expect(slow.createServer({ plan: 'vcs-2-intel.par01fr', template: 'debian-10-64', hostname: 't.example.com', options: { project: 'p' } }))
      .rejects.toMatchObject({ code: 'timeout', statusCode: 504 })
    expect(virtuaRequests(sb)).toHaveLength(1)
  })

  it('answers not_found for an unknown server with the provider message', async () => {
    await expect(adapter.getServer('00000000-0000-0000-0000-000000000000'))
      .rejects.toMatchObject({ code: 'not_found', statusCode: 404, message: expect.stringContaining('Cloud server not found. [cloud_server_not_found]') })
    await expect(adapter.power('nope', 'start')).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('Virtua.cloud refusals', () => {
  it('maps starting a running server to conflict', async () => {
    const err = await adapter.power(WIN_SERVER, 'start').catch(e => e)
    expect(err).toMatchObject({ code: 'conflict', statusCode: 409, upstreamStatus: 400 })
    expect(err.message).toContain('already running')
    // Refused, not retried.
    expect(virtuaRequests(sb)).toHaveLength(1)
  })

  it('maps stopping a stopped server and restarting it to conflict', async () => {
    await expect(adapter.power(STOPPED_SERVER, 'stop')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already stopped') })
    await expect(adapter.power(STOPPED_SERVER, 'restart')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('not running') })
  })

  it('refuses actions while the server is processing, until it settles', async () => {
    await adapter.power(WIN_SERVER, 'restart')
    await expect(adapter.power(WIN_SERVER, 'stop')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('in progress') })
    await expect(adapter.resize(WIN_SERVER, { plan: 'vcs-4-intel.par01fr' })).rejects.toMatchObject({ code: 'conflict' })
    await expect(adapter.destroy(WIN_SERVER, {})).rejects.toMatchObject({ code: 'conflict' })
    await settle(sb)
    expect(await adapter.power(WIN_SERVER, 'stop')).toMatchObject({ status: 'stopped' })
  })

  it('refuses power actions on a suspended server', async () => {
    await expect(adapter.power(SUSPENDED_SERVER, 'start')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('suspended (Negative balance)') })
  })

  it('refuses the password while a server is still being installed', async () => {
    const s = await adapter.createServer({ plan: 'vcs-2-intel.par01fr', template: 'debian-10-64', hostname: 'new.example.com' })
    await expect(adapter.getRootPassword(s.upstreamId)).rejects.toMatchObject({ code: 'conflict' })
    await settle(sb)
    expect((await adapter.getRootPassword(s.upstreamId)).password).toMatch(/^\w{14}$/)
  })

  it('turns success:false in an HTTP 200 answer into a ProviderError (server limit)', async () => {
    const state = sb.sims.virtua.state as VirtuaState
    state.limits.cloud_servers = '3'
    const err = await adapter.createServer({ plan: 'vcs-2-intel.par01fr', template: 'debian-10-64', hostname: 'full.example.com' }).catch(e => e)
    expect(err).toBeInstanceOf(ProviderError)
    expect(err).toMatchObject({ code: 'invalid_request', upstreamStatus: 200, message: expect.stringContaining('Cloud servers limit reached (3). [cloud_servers_limit_reached]') })
    expect(state.servers.size).toBe(3)
  })

  it('maps an unknown success:false code to upstream_error', async () => {
    const http = createHttpClient({ provider: 'Virtua.cloud', baseUrl: 'http://unused', sleep: async () => {} })
    const fake = { ...http, request: async () => ({ status: 200, data: { success: false, error: 'something_odd', messages: [] }, headers: new Headers() }) } as typeof http
    await expect(call(fake, { path: '/x' })).rejects.toMatchObject({ code: 'upstream_error', message: expect.stringContaining('refused the request: something_odd') })
  })
})

describe('Virtua.cloud unsupported operations', () => {
  it('throws NotSupportedError (501) without calling upstream', async () => {
    const cases: [string, () => Promise<unknown>][] = [
      ['suspend', () => adapter.suspend(WIN_SERVER)],
      ['unsuspend', () => adapter.unsuspend(SUSPENDED_SERVER)],
      ['poweroff', () => adapter.power(WIN_SERVER, 'poweroff')],
      ['scheduled deletion', () => adapter.destroy(WIN_SERVER, { delayMinutes: 30 })],
      ['ssh keys', () => adapter.listSshKeys()],
      ['dns', () => adapter.getDnsZone('example.com')],
      ['domains', () => adapter.listDomains()],
      ['orders', () => adapter.listOrders()],
      ['install step', () => adapter.installServer(WIN_SERVER, { template: 'debian-10-64' })],
    ]
    for (const [what, run] of cases) {
      const e = await run().catch((x: NotSupportedError) => x)
      expect(e, what).toBeInstanceOf(NotSupportedError)
      expect((e as NotSupportedError).statusCode, what).toBe(501)
      expect((e as NotSupportedError).message, what).toMatch(/^Virtua\.cloud does not support/)
    }
    const suspendError = await adapter.suspend(WIN_SERVER).catch((x: Error) => x)
    expect(suspendError.message).toContain('cannot suspend or unsuspend')
    expect(virtuaRequests(sb)).toHaveLength(0)
    expect(adapter.needsInstallStep).toBe(false)
  })
})
