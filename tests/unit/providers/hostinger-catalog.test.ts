/** Hostinger adapter against the sandbox: catalog, SSH keys and billing. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../../sandbox/credentials'
import { createAdapter } from '../../../server/providers/registry'
import type { HostingerAdapter } from '../../../server/providers/hostinger'
import type { HostingerState } from '../../../sandbox/providers/hostinger/state'

const TOKEN = SANDBOX_CREDENTIALS.hostinger.api_key
const DEPLOY_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO6wVOWv59u9cgYvdE2KVw7gPT3Yme3kmGGEwxU/s5PD deploy@ci'
// `ssh-keygen -lf` of these keys.
const DEPLOY_FP = 'SHA256:/Nu7tXKVkQ8Bh2SGFk3r8u0TScSrxXZYpigtS6xKxLM'
const LAPTOP_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEIUOc/KamzuBChV8YBIi/IigWCGZWwaqylwfCdtd9m7 laptop'
const LAPTOP_FP = 'SHA256:yhoX7hBF6bAVThFI2vRm8XFHQwXT6hOvLbR9ZWUHf7s'

let sb: Sandbox
const adapter = () => createAdapter('hostinger', {
  slug: 'hostinger',
  credentials: { apiKey: TOKEN },
  settings: { base_url: sandboxBaseUrl(sb.url, 'hostinger'), ...SANDBOX_CREDENTIALS.hostinger.extra },
}, { sleep: async () => {}, logger: () => {} }) as HostingerAdapter
const hits = () => sb.requests.filter(r => r.provider === 'hostinger')
const simState = () => sb.sims.hostinger.state as HostingerState

beforeAll(async () => { sb = await startSandbox({ transitionMs: 100 }) })
afterAll(async () => { await sb.close() })
beforeEach(() => sb.reset())

describe('hostinger catalog', () => {
  it('lists data centers', async () => {
    const dcs = await adapter().listDatacenters()
    expect(dcs).toHaveLength(3)
    expect(dcs[0]).toMatchObject({ id: '19', name: 'Frankfurt (fra)', location: 'Frankfurt, Europe', country: 'DE' })
    expect(hits()[0]).toMatchObject({ method: 'GET', path: '/api/vps/v1/data-centers' })
  })

  it('lists OS templates', async () => {
    const t = await adapter().listTemplates()
    expect(t.map(x => x.id)).toEqual(['1002', '1130', '1077', '1121'])
    expect(t[2]).toMatchObject({ name: 'Debian 12', family: 'debian' })
    expect(hits()[0]).toMatchObject({ method: 'GET', path: '/api/vps/v1/templates' })
  })

  it('lists VPS plans: one offer per price, from the catalog filtered on VPS', async () => {
    const plans = await adapter().listPlans()
    expect(hits()[0]).toMatchObject({ method: 'GET', path: '/api/billing/v1/catalog', query: { category: 'VPS' } })
    expect(plans.map(p => p.id)).toEqual([
      'hostingercom-vps-kvm1-usd-1m', 'hostingercom-vps-kvm1-usd-1y', 'hostingercom-vps-kvm2-usd-1m',
      'hostingercom-vps-kvm2-usd-1y', 'hostingercom-vps-kvm4-usd-1m',
    ])
    expect(plans[2]).toMatchObject({
      name: 'KVM 2 (billed every month)', vcpus: 2, memoryMb: 8192, diskGb: 100, price: 13.99, currency: 'USD', period: 'monthly',
      extra: { itemId: 'hostingercom-vps-kvm2', firstPeriodPrice: 8.99 },
    })
    expect(plans[3]).toMatchObject({ period: 'yearly', price: 125.88 })
  })
})

describe('hostinger SSH keys', () => {
  it('lists keys with a computed OpenSSH fingerprint', async () => {
    const keys = await adapter().listSshKeys()
    expect(keys).toEqual([{ id: '325', name: 'deploy-key', fingerprint: DEPLOY_FP, public_key: DEPLOY_KEY }])
    expect(hits()[0]).toMatchObject({ method: 'GET', path: '/api/vps/v1/public-keys', query: { page: '1' } })
  })

  it('walks every page of keys', async () => {
    const st = simState()
    for (let i = 0; i < 20; i++) st.publicKeys.push({ id: 1000 + i, name: `k${i}`, key: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${String(i).padStart(2, '0')}x k${i}` })
    const keys = await adapter().listSshKeys()
    expect(keys).toHaveLength(21)
    expect(new Set(keys.map(k => k.id)).size).toBe(21)
    expect(hits().map(r => r.query.page)).toEqual(['1', '2'])
  })

  it('adds a key', async () => {
    const key = await adapter().addSshKey({ name: 'laptop', public_key: `  ${LAPTOP_KEY}\n` })
    expect(key).toMatchObject({ name: 'laptop', fingerprint: LAPTOP_FP, public_key: LAPTOP_KEY })
    expect(hits()[0]).toMatchObject({ method: 'POST', path: '/api/vps/v1/public-keys', body: { name: 'laptop', key: LAPTOP_KEY } })
    expect(simState().publicKeys.map(k => String(k.id))).toContain(key.id)
  })

  it('refuses a malformed or duplicate key (invalid_request naming the field)', async () => {
    const a = adapter()
    await expect(a.addSshKey({ name: 'bad', public_key: 'not a key' })).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/key: The key is not a valid public key/) })
    await expect(a.addSshKey({ name: 'again', public_key: DEPLOY_KEY })).rejects.toThrow(/already been taken/)
  })

  it('deletes a key, and answers not_found for an unknown one', async () => {
    const a = adapter()
    await a.deleteSshKey('325')
    expect(hits()[0]).toMatchObject({ method: 'DELETE', path: '/api/vps/v1/public-keys/325' })
    expect(simState().publicKeys).toHaveLength(0)
    await expect(a.deleteSshKey('325')).rejects.toMatchObject({ code: 'not_found' })
  })

  it('attaches account keys to a VM', async () => {
    const a = adapter()
    const added = await a.addSshKey({ name: 'laptop', public_key: LAPTOP_KEY })
    const res = await a.attachSshKeys('1268054', [added.id])
    expect(res).toMatchObject({ status: 'attached', message: expect.stringMatching(/1 SSH key attached to VM 1268054 \(action \d+\)/) })
    expect(hits().at(-1)).toMatchObject({ method: 'POST', path: '/api/vps/v1/public-keys/attach/1268054', body: { ids: [Number(added.id)] } })
    expect(simState().vms[0]!.public_key_ids).toEqual([325, Number(added.id)])
    await expect(a.attachSshKeys('1268054', ['999'])).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/ids\.0/) })
    await expect(a.attachSshKeys('1268054', ['abc'])).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(a.attachSshKeys('31337', ['325'])).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('hostinger billing', () => {
  it('lists subscriptions in the seed shape (price in units, renews_at)', async () => {
    const subs = await adapter().listSubscriptions()
    expect(hits()[0]).toMatchObject({ method: 'GET', path: '/api/billing/v1/subscriptions' })
    expect(subs).toHaveLength(2)
    const kvm2 = subs.find(s => s.id === 'Azz353Uhl1xC54pR0')!
    expect(kvm2).toMatchObject({ name: 'KVM 2', status: 'active', plan: null, price: 13.99, currency: 'USD', created_at: '2025-01-15T10:30:00Z' })
    const days = (Date.parse(kvm2.renews_at!) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(0)
    expect(days).toBeLessThan(10)
    // Not auto-renewed: it expires, it does not renew.
    expect(subs.find(s => s.id === 'AzzLq2Ufmr9gS3Bm1')).toMatchObject({ status: 'not_renewing', renews_at: null, price: 95.88 })
  })

  it('lists the whole catalog in the seed shape (cents, lower-case category)', async () => {
    const items = await adapter().listCatalog()
    expect(hits()[0]).toMatchObject({ method: 'GET', path: '/api/billing/v1/catalog', query: {} })
    // Six VPS/hosting items; the rest are the domain TLDs sold through the same catalog.
    expect(items.filter(i => i.category !== 'domain')).toHaveLength(6)
    expect(items.find(i => i.id === 'hostingercom-vps-kvm2-usd-1m')).toEqual({
      id: 'hostingercom-vps-kvm2-usd-1m', name: 'KVM 2', category: 'vps', price_cents: 1399, currency: 'USD', period: 'monthly',
      description: '2 vCPU, 8 GB RAM, 100 GB disk',
      extra: expect.objectContaining({ itemId: 'hostingercom-vps-kvm2', firstPeriodPriceCents: 899 }),
    })
    expect(items.find(i => i.category === 'hosting')).toMatchObject({
      id: 'hostingercom-hosting-premium-usd-1y', name: 'Premium Web Hosting', price_cents: 8388, period: 'yearly',
      description: 'Premium Web Hosting (billed every year)',
    })
  })

  it('lists payment methods (read only)', async () => {
    const pms = await adapter().listPaymentMethods()
    expect(hits()[0]).toMatchObject({ method: 'GET', path: '/api/billing/v1/payment-methods' })
    expect(pms.map(p => ({ id: p.id, name: p.name, isDefault: p.isDefault }))).toEqual([
      { id: '1327362', name: 'Credit Card 4111*****1111', isDefault: true },
      { id: '1327363', name: 'PayPal j***@example.com', isDefault: false },
    ])
  })
})
