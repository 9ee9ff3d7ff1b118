/** The Virtua.cloud simulator itself, spoken to with plain fetch: auth, body shapes, state. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials'
import { startSandbox, type Sandbox } from '../../../sandbox/server'
import type { VirtuaState } from '../../../sandbox/providers/virtua/state'
import { PROJECT, WIN_SERVER } from './virtua-helpers'

// Longer than the adapter tests' transitions: these check the setup steps in between.
const TRANSITION_MS = 400

let sb: Sandbox
beforeAll(async () => { sb = await startSandbox({ transitionMs: TRANSITION_MS }) })
afterAll(async () => { await sb.close() })
beforeEach(() => sb.reset())

const KEY = SANDBOX_CREDENTIALS.virtua.api_key
async function api(path: string, init: { method?: string, auth?: string | null, body?: string, type?: string, offContract?: boolean } = {}) {
  const headers: Record<string, string> = {}
  // A request that breaks the spec on purpose (to test the refusal) is not a contract violation.
  if (init.offContract) headers['x-sandbox-contract'] = 'off'
  if (init.auth !== null) headers.authorization = init.auth ?? `Basic ${KEY}`
  if (init.type) headers['content-type'] = init.type
  const res = await fetch(`${sb.url}/virtua${path}`, { method: init.method ?? 'GET', headers, body: init.body })
  return { status: res.status, body: await res.json() as any }
}

describe('Virtua.cloud simulator', () => {
  it('answers the provider error body for a missing or wrong key', async () => {
    expect(await api('/account', { auth: null })).toEqual({ status: 401, body: { success: false, error: 'unauthorized', messages: [expect.objectContaining({ type: 'error' })] } })
    expect(await api('/account', { auth: 'Basic nope' })).toMatchObject({ status: 403, body: { success: false, error: 'forbidden' } })
    // base64 of user:key is not what the API takes.
    expect((await api('/account', { auth: `Basic ${Buffer.from(`user:${KEY}`).toString('base64')}` })).status).toBe(403)
    // Only the seed's style: Basic with the raw key. Bearer (the newer README) is refused.
    expect((await api('/account', { auth: `Bearer ${KEY}` })).status).toBe(401)
  })

  it('serves the account exactly as the reference shows', async () => {
    expect((await api('/account')).body).toEqual({
      balance: '93.6425', currency: 'EUR', monthly_cloud_usage: '6.4590', monthly_cloud_usage_estimate: '37.5633',
      timezone: 'Europe/Paris', today_cloud_usage: '1.0714', cloud_servers_limit: '8',
    })
    const limits = (await api('/cloud/limits')).body
    expect(limits).toMatchObject({ success: true, limits: { cloud_servers: '8', smtp_enabled: '1' }, usage: { cloud_servers: 3, vcpus: '5' } })
    const projects = (await api('/project')).body.projects
    expect(projects).toEqual([expect.objectContaining({ uuid: PROJECT, cloud_servers_count: '3' })])
  })

  it('keeps the reference example server and string-typed fields', async () => {
    const s = (await api(`/cloud-server/${WIN_SERVER}`)).body
    expect(s).toMatchObject({ success: true, uuid: WIN_SERVER, vcpus: '2', memory_size: '4096', is_suspended: '0', is_processing: '0', status: 'running', setup_step: null, hostname: null })
    expect(Number(s.uptime)).toBeGreaterThanOrEqual(14624)
    expect((await api('/nowhere', { offContract: true })).body).toMatchObject({ success: false, error: 'not_found' })
  })

  it('takes the curl example body (form data under a JSON content type) and the ipv6_enabled spelling', async () => {
    const r = await api('/cloud/order', {
      method: 'POST', type: 'application/json',
      body: `offer=vcs-2-intel.par01fr&system=debian-10-64&ipv6_enabled=1&hostname=my.server.cloud&project=${PROJECT}`,
    })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({ success: true, uuid: expect.stringMatching(/^[0-9a-f-]{36}$/) })
    const s = (await api(`/cloud-server/${r.body.uuid}`)).body
    expect(s).toMatchObject({ hostname: 'my.server.cloud', is_ipv6_enabled: '1', is_setup: '0', is_processing: '1', status: 'stopped' })
    expect(s.name).toMatch(/^vs\d+\.par01fr\.vsys\.cloud$/)
    expect(s.setup_step).toBe('Creating virtual machine')
    const poll = { timeout: 10_000, interval: 10 }
    await expect.poll(async () => (await api(`/cloud-server/${r.body.uuid}`)).body.setup_step, poll).not.toBe('Creating virtual machine')
    await expect.poll(async () => (await api(`/cloud-server/${r.body.uuid}`)).body, poll).toMatchObject({ status: 'running', is_setup: '1', is_processing: '0', setup_step: null })
  })

  it('validates orders with the provider error body', async () => {
    const post = (body: Record<string, string>) => api('/cloud/order', { method: 'POST', type: 'application/x-www-form-urlencoded', body: new URLSearchParams({ ipv6_enabled: '0', ...body }).toString() })
    expect(await post({ offer: 'vcs-2-intel.par01fr' })).toMatchObject({ status: 400, body: { success: false, error: 'missing_parameter' } })
    // A JSON body is not read (the seed sends form fields), nor is an order without either IPv6 spelling.
    const order = { offer: 'vcs-2-intel.par01fr', system: 'debian-10-64', project: PROJECT }
    const json = await api('/cloud/order', { method: 'POST', type: 'application/json', body: JSON.stringify({ ...order, ipv6_enabled: 0 }) })
    expect(json).toMatchObject({ status: 400, body: { error: 'missing_parameter', messages: [{ content: 'Missing parameter: offer, system, project.' }] } })
    const noIpv6 = await api('/cloud/order', { method: 'POST', type: 'application/x-www-form-urlencoded', body: new URLSearchParams(order).toString() })
    expect(noIpv6).toMatchObject({ status: 400, body: { error: 'missing_parameter', messages: [{ content: 'Missing parameter: ipv6_enabled.' }] } })
    expect(await post({ offer: 'x', system: 'debian-10-64', project: PROJECT })).toMatchObject({ status: 400, body: { error: 'invalid_offer' } })
    expect(await post({ offer: 'vcs-2-intel.par01fr', system: 'debian-10-64', project: 'nope' })).toMatchObject({ body: { error: 'invalid_project' } })
    expect(await post({ offer: 'vcs-2-intel.par01fr', system: 'debian-10-64', project: PROJECT, hostname: 'bad host!' })).toMatchObject({ body: { error: 'invalid_hostname' } })
    expect(await post({ offer: 'vcs-2-intel.par01fr', system: 'debian-10-64', project: PROJECT, ipv6_block_size: '48' })).toMatchObject({ body: { error: 'invalid_parameter' } })
  })

  it('restores the seed on reset', async () => {
    await api(`/cloud-server/${WIN_SERVER}`, { method: 'DELETE' })
    const state = sb.sims.virtua.state as VirtuaState
    expect(state.servers.has(WIN_SERVER)).toBe(false)
    sb.reset()
    expect(state.servers.size).toBe(3)
    expect((await api(`/cloud-server/${WIN_SERVER}`)).status).toBe(200)
  })
})
