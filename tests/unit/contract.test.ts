/** The contract check itself: it flags what the providers' OpenAPI files forbid, and only that. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkExchange } from '../../sandbox/contract/validator'
import { contractSettled, contractViolations, startSandbox, type Sandbox } from '../../sandbox/server'
import { SANDBOX_CREDENTIALS } from '../../sandbox/credentials'

const bearer = (key = 'k') => ({ authorization: `Bearer ${key}` })
const json = { 'content-type': 'application/json' }

describe('contract check', () => {
  it('flags a VirtFusion request body that misses required fields or mistypes them', () => {
    const found = checkExchange('virtfusion', { method: 'POST', path: '/servers', query: {}, headers: { ...bearer(), ...json }, rawBody: JSON.stringify({ packageId: '1', userId: 1 }) })
    expect(found.map(v => v.kind)).toEqual(['request-body'])
    expect(found[0]!.message).toMatch(/hypervisorId/)
    expect(found[0]!.message).toMatch(/packageId must be integer/)
  })

  it('flags a request without the documented credentials', () => {
    expect(checkExchange('hostinger', { method: 'GET', path: '/api/vps/v1/virtual-machines', query: {}, headers: {}, rawBody: '' }).map(v => v.kind)).toEqual(['auth'])
  })

  it('flags an answer field the spec does not name (objects are closed)', () => {
    const vm = { id: 1, firewall_group_id: null, subscription_id: null, data_center_id: null, plan: null, hostname: 'a.example.com', state: 'running', actions_lock: 'unlocked', cpus: 1, memory: 1024, disk: 10, bandwidth: 1, ns1: null, ns2: null, ipv4: [], ipv6: [], template: null, created_at: '2024-01-01T00:00:00Z' }
    const ok = checkExchange('hostinger', { method: 'GET', path: '/api/vps/v1/virtual-machines/1', query: {}, headers: bearer(), rawBody: '' }, { status: 200, contentType: 'application/json', body: vm })
    expect(ok).toEqual([])
    const extra = checkExchange('hostinger', { method: 'GET', path: '/api/vps/v1/virtual-machines/1', query: {}, headers: bearer(), rawBody: '' }, { status: 200, contentType: 'application/json', body: { ...vm, power_state: 'on' } })
    expect(extra).toMatchObject([{ kind: 'response-body', message: expect.stringContaining('"power_state"') }])
  })

  it('allows the deviations the seeds require and nothing next to them', () => {
    const basic = { authorization: 'Basic k', 'content-type': 'application/x-www-form-urlencoded' }
    expect(checkExchange('virtua', { method: 'POST', path: '/cloud/order', query: {}, headers: basic, rawBody: 'offer=a&system=b&project=c&ipv6_enabled=0' })).toEqual([])
    expect(checkExchange('virtua', { method: 'POST', path: '/cloud/orders', query: {}, headers: basic, rawBody: '' })).toMatchObject([{ kind: 'unknown-path' }])
    // An undocumented status is allowed only where deviations.ts says so.
    const res = (status: number) => checkExchange('virtua', { method: 'GET', path: '/account', query: {}, headers: basic, rawBody: '' }, { status, contentType: 'application/json', body: { success: false } })
    expect(res(404)).toEqual([])
    expect(res(500)).toMatchObject([{ kind: 'response-status', status: 500 }])
  })

  it('flags a Virtua answer whose numbers are not the documented strings', () => {
    const found = checkExchange('virtua', { method: 'GET', path: '/account', query: {}, headers: { authorization: 'Basic k' }, rawBody: '' },
      { status: 200, contentType: 'application/json', body: { balance: 93.64, currency: 'EUR' } })
    expect(found).toMatchObject([{ kind: 'response-body', message: expect.stringContaining('/balance must be string') }])
  })
})

describe('sandbox in contract mode', () => {
  let sb: Sandbox
  beforeAll(async () => { sb = await startSandbox({ transitionMs: 100, contract: true }) })
  afterAll(async () => { await sb.close() })

  it('records a violating request, skips one marked off-contract, and the after-file check would fail on it', async () => {
    const url = `${sb.url}/virtfusion/api/v1/servers`
    const headers = { authorization: `Bearer ${SANDBOX_CREDENTIALS.virtfusion.api_key}`, 'content-type': 'application/json' }
    await fetch(url, { method: 'POST', headers, body: '{}' })
    await fetch(url, { method: 'POST', headers: { ...headers, 'x-sandbox-contract': 'off' }, body: '{}' })
    await contractSettled()
    expect(sb.violations).toMatchObject([{ provider: 'virtfusion', kind: 'request-body', path: '/servers' }])
    const admin = await (await fetch(`${sb.url}/__sandbox/contract`)).json()
    expect(admin).toHaveLength(1)
    // Seen: now forget them, or this file's own after-file check would fail.
    contractViolations.length = 0
    sb.violations.length = 0
  })
})
