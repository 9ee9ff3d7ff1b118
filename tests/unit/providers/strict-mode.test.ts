/**
 * Strict mode: every provider's simulator leaves out (or renames) each answer field that no
 * provider document names, and the adapters must still work, showing "unknown" rather than
 * failing. VirtFusion's answers are cut down to the fields of its OpenAPI examples; Inferno's
 * lose the guessed fields listed in its simulator; Virtua's and Hostinger's are already held to
 * their specs' closed schemas by the contract check, so strict mode is their normal run.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../../sandbox/credentials'
import type { StrictMode } from '../../../sandbox/core/strict'
import { createAdapter } from '../../../server/providers/registry'
import type { BaseAdapter } from '../../../server/providers/base'

type Provider = keyof typeof SANDBOX_CREDENTIALS
let sb: Sandbox
beforeAll(async () => { sb = await startSandbox({ transitionMs: 100 }) })
afterAll(async () => { await sb.close() })

function adapter(type: Provider): BaseAdapter {
  return createAdapter(type, {
    slug: type,
    credentials: { apiKey: SANDBOX_CREDENTIALS[type].api_key },
    settings: { base_url: sandboxBaseUrl(sb.url, type), ...SANDBOX_CREDENTIALS[type].extra },
  }, { sleep: async () => {} })
}

describe.each(['omit', 'rename'] as StrictMode[])('strict mode "%s"', (mode) => {
  beforeEach(() => {
    sb.reset()
    for (const p of Object.keys(SANDBOX_CREDENTIALS) as Provider[]) sb.setStrict(p, mode)
  })
  afterAll(() => { for (const p of Object.keys(SANDBOX_CREDENTIALS) as Provider[]) sb.setStrict(p, 'off') })

  it('Inferno: servers, plans, templates, keys and the connection test still work', async () => {
    const a = adapter('inferno')
    await expect(a.testConnection()).resolves.toMatchObject({ message: expect.stringMatching(/^Inferno connection successful: 3 order\(s\)\. Balance: /) })
    const servers = await a.listServers()
    expect(servers.map(s => [s.upstreamId, s.status])).toEqual([['47012', 'running'], ['47013', 'stopped'], ['47200', 'pending']])
    const plans = await a.listPlans()
    expect(plans.length).toBeGreaterThan(0)
    // No documented name: the product id stands in.
    for (const p of plans) expect(p.name).toBeTruthy()
    expect((await a.listTemplates()).length).toBeGreaterThan(0)
    const keys = await a.listSshKeys()
    expect(keys).toEqual([{ id: '1', name: 'laptop', fingerprint: null, public_key: null }])
    // Without key text the new key is found by its name.
    const added = await a.addSshKey({ name: 'strict-ci', public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJewPqaGmtrwr5H2Aga4FNaNcWEoBwYCnqZhquq4gZIu deploy@ci' })
    expect(added).toMatchObject({ id: expect.not.stringMatching(/^1$/), name: 'strict-ci' })
    await expect(a.listSubscriptions()).resolves.toEqual(expect.any(Array))
  })

  it('VirtFusion: servers, plans and templates from answers cut to the documented examples', async () => {
    const a = adapter('virtfusion')
    // /connect's documented answer is `[]`: no version to show.
    await expect(a.testConnection()).resolves.toMatchObject({ message: 'VirtFusion connection successful. Version: unknown' })
    const servers = await a.listServers()
    expect(servers.length).toBeGreaterThan(0)
    for (const s of servers) expect(s.upstreamId).toBeTruthy()
    const one = await a.getServer(servers[0]!.upstreamId)
    expect(one.upstreamId).toBe(servers[0]!.upstreamId)
    expect((await a.listPlans()).length).toBeGreaterThan(0)
  })

  it('Virtua: the seed-shaped answers carry everything the adapter reads', async () => {
    const a = adapter('virtua')
    const servers = await a.listServers()
    expect(servers.length).toBe(3)
    expect((await a.getServer(servers[0]!.upstreamId)).upstreamId).toBe(servers[0]!.upstreamId)
    expect((await a.getBalance())[0]).toMatchObject({ currency: 'EUR' })
  })

  it('Hostinger: servers, domains, and plans from a catalog whose metadata keys are unknown', async () => {
    const a = adapter('hostinger')
    expect((await a.listServers()).length).toBeGreaterThan(0)
    const plans = await a.listPlans()
    expect(plans.length).toBeGreaterThan(0)
    for (const p of plans) expect(p.name).toBeTruthy()
    // Domain prices are found by the catalog item's name without its metadata.
    const [avail] = await a.checkDomains(['strict-mode-name.com'])
    expect(avail).toMatchObject({ available: true, price: expect.any(Number) })
    expect((await a.listDomains()).length).toBeGreaterThan(0)
  })
})
