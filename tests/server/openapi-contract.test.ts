/**
 * Real answers of the running app against its own OpenAPI document (/api/openapi.json): at
 * least one route of every group, successes and errors, through tests/server/openapi-contract.ts.
 * Admin calls go with an API token, so the Bearer scheme the document names is the one used.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { adminClient, baseUrl, Client, customerClient } from './helpers'
import { Contract } from './openapi-contract'
import { GOOD_MAPPINGS } from './portal-helpers'

let contract: Contract
let session: Client
let admin: Client
let customer: { client: Client, user: any }
let accounts: { slug: string, type: string }[] = []
const slugOf = (type: string) => accounts.find(a => a.type === type)!.slug

beforeAll(async () => {
  contract = await Contract.load(baseUrl())
  session = await adminClient()
  const token = await session.post('/api/tokens', { name: 'contract test' })
  admin = new Client(token.body.token)
  customer = await customerClient(session, 'Contract Customer')
  const connected = await contract.call(admin, 'POST', '/api/hosting/sandbox/connect')
  accounts = connected.body.accounts
})

describe('OpenAPI contract: real answers match the document', () => {
  it('Session: health, setup status, login (ok and wrong password), me, logout', async () => {
    const anon = new Client()
    await contract.call(anon, 'GET', '/api/health')
    await contract.call(anon, 'GET', '/api/setup/status')
    expect((await contract.call(anon, 'POST', '/api/auth/login', { body: { email: 'nobody@example.com', password: 'wrong-password' } })).status).toBe(401)
    expect((await contract.call(anon, 'POST', '/api/auth/login', { body: {} })).status).toBe(400)
    expect((await contract.call(anon, 'GET', '/api/auth/me')).status).toBe(401)
    expect((await contract.call(admin, 'GET', '/api/auth/me')).status).toBe(200)
    expect((await contract.call(session, 'GET', '/api/sessions')).body.some((s: { current: boolean }) => s.current)).toBe(true)
    const other = (await customerClient(session, 'Signs out')).client
    expect((await contract.call(other, 'POST', '/api/auth/logout')).status).toBe(200)
  })

  it('Reference: the document and the docs page, without a session', async () => {
    const anon = new Client()
    const doc = await contract.call(anon, 'GET', '/api/openapi.json')
    expect(doc.body.openapi).toBe('3.1.0')
    const page = await contract.call(anon, 'GET', '/api/docs')
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(page.body).toContain('/api/docs/scalar.js')
    const script = await fetch(`${baseUrl()}/api/docs/scalar.js`)
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toContain('javascript')
    expect((await script.text()).length).toBeGreaterThan(100_000)
  })

  it('Users and tokens', async () => {
    await contract.call(admin, 'GET', '/api/users', { query: { role: 'customer' } })
    const created = await contract.call(admin, 'POST', '/api/users', { body: { email: `contract${Date.now()}@example.com`, name: 'Con Tract', password: 'contract-pass-1' } })
    expect(created.status).toBe(201)
    await contract.call(admin, 'PATCH', '/api/users/{id}', { params: { id: created.body.id }, body: { name: 'Con Tracted' } })
    expect((await contract.call(admin, 'PATCH', '/api/users/{id}', { params: { id: 'not-a-uuid' }, body: {} })).status).toBe(400)
    expect((await contract.call(customer.client, 'GET', '/api/users')).status).toBe(403)
    const token = await contract.call(customer.client, 'POST', '/api/tokens', { body: { name: 'ci', expires_in_days: 30 } })
    expect(token.status).toBe(201)
    await contract.call(customer.client, 'GET', '/api/tokens')
    await contract.call(customer.client, 'DELETE', '/api/tokens/{id}', { params: { id: token.body.id } })
  })

  it('Providers (seed API): accounts, VMs, catalog and billing routes of every sandbox account', async () => {
    await contract.call(admin, 'GET', '/api/hosting/sandbox')
    await contract.call(admin, 'GET', '/api/hosting/providers')
    await contract.call(admin, 'GET', '/api/hosting/provider-types')
    expect((await contract.call(admin, 'GET', '/api/hosting/provider-facts')).body.map((e: { type: string }) => e.type)).toContain('hostinger')
    // White label: customers learn no provider kinds (their servers carry their own facts).
    expect((await contract.call(customer.client, 'GET', '/api/hosting/provider-facts')).body).toEqual([])
    expect((await contract.call(admin, 'GET', '/api/hosting/providers/{provider}', { params: { provider: 'no-such-account' } })).status).toBe(404)
    for (const { slug } of accounts) {
      const params = { provider: slug }
      await contract.call(admin, 'GET', '/api/hosting/providers/{provider}', { params })
      await contract.call(admin, 'POST', '/api/hosting/providers/{provider}/test', { params })
      await contract.call(admin, 'GET', '/api/hosting/providers/{provider}/vms', { params })
      // Each answers the seed's shape, or 501 for what the provider lacks: both are checked.
      for (const what of ['datacenters', 'plans', 'templates', 'ssh-keys', 'subscriptions', 'catalog', 'balance', 'limits', 'payment-methods', 'orders']) {
        const r = await contract.call(admin, 'GET', `/api/hosting/providers/{provider}/${what}`, { params })
        expect([200, 501], `${slug} ${what}: ${JSON.stringify(r.body).slice(0, 200)}`).toContain(r.status)
      }
    }
    const vms = await contract.call(admin, 'GET', '/api/hosting/providers/{provider}/vms', { params: { provider: slugOf('hostinger') } })
    if (vms.body.length) await contract.call(admin, 'GET', '/api/hosting/providers/{provider}/vms/{id}', { params: { provider: slugOf('hostinger'), id: vms.body[0].id } })
  })

  it('Servers: sync, inventory page, one server, its templates, a bad query', async () => {
    await contract.call(admin, 'POST', '/api/servers/sync', { body: { wait: true } })
    const page = await contract.call(admin, 'GET', '/api/servers', { query: { per_page: '5' } })
    expect(page.body.items.length).toBeGreaterThan(0)
    const id = page.body.items[0].id
    await contract.call(admin, 'GET', '/api/servers/{id}', { params: { id } })
    await contract.call(admin, 'GET', '/api/servers/{id}/templates', { params: { id } })
    expect((await contract.call(admin, 'GET', '/api/servers', { query: { per_page: '1000' } })).status).toBe(400)
    expect((await contract.call(customer.client, 'GET', '/api/servers/{id}', { params: { id } })).status).toBe(404)
  })

  it('DNS: zones, records, a dry run, a real add and delete, snapshots, export', async () => {
    const provider = slugOf('hostinger')
    const zones = await contract.call(admin, 'GET', '/api/dns/zones')
    const domain = zones.body.zones.find((z: any) => z.provider === provider).domain
    const params = { provider, domain }
    await contract.call(admin, 'GET', '/api/hosting/providers/{provider}/dns/{domain}', { params })
    const record = { type: 'TXT', name: `contract-${Date.now()}`, content: 'contract test', ttl: 300 }
    expect((await contract.call(admin, 'POST', '/api/hosting/providers/{provider}/dns/{domain}', { params, query: { dry_run: '1' }, body: record })).body.status).toBe('planned')
    expect((await contract.call(admin, 'POST', '/api/hosting/providers/{provider}/dns/{domain}', { params, body: record })).status).toBe(201)
    expect((await contract.call(admin, 'POST', '/api/hosting/providers/{provider}/dns/{domain}', { params, body: record })).status).toBe(409)
    await contract.call(admin, 'PUT', '/api/hosting/providers/{provider}/dns/{domain}', { params, query: { dry_run: '1' }, body: { records: [{ ...record, ttl: 600 }], overwrite: true } })
    await contract.call(admin, 'DELETE', '/api/hosting/providers/{provider}/dns/{domain}', { params, query: { name: record.name, type: 'TXT' } })
    await contract.call(admin, 'GET', '/api/hosting/providers/{provider}/dns/{domain}/snapshots', { params })
    const zoneFile = await contract.call(admin, 'GET', '/api/hosting/providers/{provider}/dns/{domain}/export', { params })
    expect(zoneFile.body).toContain('IN')
    expect((await contract.call(admin, 'PUT', '/api/hosting/providers/{provider}/dns/{domain}', { params, body: { records: [] } })).status).toBe(400)
  })

  it('Domains: portfolio, an account\'s list and one domain, availability', async () => {
    const provider = slugOf('hostinger')
    await contract.call(admin, 'GET', '/api/domains')
    const list = await contract.call(admin, 'GET', '/api/hosting/providers/{provider}/domains', { params: { provider } })
    await contract.call(admin, 'GET', '/api/hosting/providers/{provider}/domains/{domain}', { params: { provider, domain: list.body[0].name } })
    await contract.call(admin, 'POST', '/api/hosting/providers/{provider}/domains/check', { params: { provider }, body: { domains: ['contract-test-free.com'] } })
    // Each change undone at once, so the domain stays as the other suites expect it.
    const params = { provider, domain: list.body[0].name }
    const locked = list.body[0].locked
    await contract.call(admin, locked ? 'DELETE' : 'POST', '/api/hosting/providers/{provider}/domains/{domain}/lock', { params })
    await contract.call(admin, locked ? 'POST' : 'DELETE', '/api/hosting/providers/{provider}/domains/{domain}/lock', { params })
    await contract.call(admin, 'PUT', '/api/hosting/providers/{provider}/domains/{domain}/nameservers', { params, body: { nameservers: list.body[0].nameservers } })
    expect((await contract.call(admin, 'POST', '/api/hosting/providers/{provider}/domains/purchase', { params: { provider }, body: { domain: 'not a domain!' } })).status).toBe(400)
  })

  it('SSH keys: add, list, rename, delete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-key-'))
    execFileSync('/usr/bin/ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'contract', '-f', join(dir, 'k')], { stdio: 'pipe' })
    const added = await contract.call(customer.client, 'POST', '/api/ssh-keys', { body: { public_key: readFileSync(join(dir, 'k.pub'), 'utf8') } })
    expect(added.status).toBe(201)
    expect((await contract.call(customer.client, 'POST', '/api/ssh-keys', { body: { public_key: 'not a key' } })).status).toBe(400)
    await contract.call(customer.client, 'GET', '/api/ssh-keys')
    await contract.call(customer.client, 'GET', '/api/ssh-keys/{id}', { params: { id: added.body.id } })
    await contract.call(customer.client, 'PATCH', '/api/ssh-keys/{id}', { params: { id: added.body.id }, body: { name: 'renamed' } })
    await contract.call(customer.client, 'DELETE', '/api/ssh-keys/{id}', { params: { id: added.body.id } })
    await contract.call(admin, 'GET', '/api/ssh-keys/presence')
  })

  it('Billing: overview and history', async () => {
    await contract.call(admin, 'GET', '/api/billing/overview')
    await contract.call(admin, 'GET', '/api/billing/history', { query: { days: '30' } })
    expect((await contract.call(admin, 'GET', '/api/billing/history', { query: { days: '0' } })).status).toBe(400)
  })

  it('Portal: a plan, an order placed, replayed and provisioned, errors', async () => {
    const plan = await contract.call(admin, 'POST', '/api/plans', { body: { name: `Contract plan ${Date.now()}`, description: 'contract', price_text: '€5 / month', account: slugOf('inferno'), mapping: { ...GOOD_MAPPINGS.inferno } } })
    expect(plan.status, JSON.stringify(plan.body)).toBe(201)
    await contract.call(admin, 'PATCH', '/api/plans/{id}', { params: { id: plan.body.id }, body: { description: 'contract, edited' } })
    await contract.call(customer.client, 'GET', '/api/plans/{id}', { params: { id: plan.body.id } })
    await contract.call(customer.client, 'GET', '/api/plans/{id}/templates', { params: { id: plan.body.id } })
    await contract.call(admin, 'GET', '/api/plans/catalog', { query: { account: slugOf('inferno') } })
    const key = randomUUID()
    const body = { plan_id: plan.body.id, hostname: `contract-${Date.now().toString(36)}.example.com` }
    const placed = await contract.call(customer.client, 'POST', '/api/orders', { body, headers: { 'Idempotency-Key': key } })
    expect(placed.status, JSON.stringify(placed.body)).toBe(202)
    expect((await contract.call(customer.client, 'POST', '/api/orders', { body, headers: { 'Idempotency-Key': key } })).status).toBe(200)
    await vi.waitFor(async () => {
      const o = await contract.call(customer.client, 'GET', '/api/orders/{id}', { params: { id: placed.body.id } })
      expect(o.body.status).toBe('completed')
    }, { timeout: 45_000, interval: 500 })
    await contract.call(admin, 'GET', '/api/orders/{id}', { params: { id: placed.body.id } })
    await contract.call(admin, 'GET', '/api/plans')
    await contract.call(customer.client, 'GET', '/api/plans')
    await contract.call(customer.client, 'GET', '/api/orders')
    await contract.call(admin, 'GET', '/api/orders', { query: { status: 'failed' } })
    // Keyless orders are carried out once (seed contract): an unknown plan is then a 404.
    expect((await contract.call(customer.client, 'POST', '/api/orders', { body: { plan_id: '00000000-0000-4000-8000-000000000000', hostname: 'web1.example.com' } })).status).toBe(404)
    expect((await contract.call(customer.client, 'GET', '/api/orders/{id}', { params: { id: '00000000-0000-4000-8000-000000000000' } })).status).toBe(404)
  })

  it('Notifications', async () => {
    await contract.call(admin, 'GET', '/api/notifications')
    await contract.call(admin, 'POST', '/api/notifications/read-all')
  })

  it('Console and firewalls: a console session, a server firewall, an account firewall with a rule, attached, synced, detached, deleted', async () => {
    await contract.call(admin, 'POST', '/api/servers/sync', { body: { wait: true } })
    const vf = slugOf('virtfusion')
    const h = slugOf('hostinger')
    await contract.call(admin, 'POST', '/api/hosting/providers/{provider}/vms/{id}/console', { params: { provider: vf, id: '101' }, body: {} })
    await contract.call(admin, 'GET', '/api/hosting/providers/{provider}/vms/{id}/firewall', { params: { provider: vf, id: '101' } })
    await contract.call(admin, 'PUT', '/api/hosting/providers/{provider}/vms/{id}/firewall', { params: { provider: vf, id: '101' }, body: { enabled: false } })
    expect((await contract.call(admin, 'POST', '/api/hosting/providers/{provider}/vms/{id}/console', { params: { provider: h, id: '1268054' }, body: {} })).status).toBe(501)
    // Filtered to the account: earlier suites may have left more than a page of servers.
    const list = await contract.call(admin, 'GET', '/api/servers', { query: { account: vf, per_page: '100' } })
    const server = list.body.items.find((s: any) => s.account.slug === vf && s.upstream_id === '101')
    expect(server, 'server 101 in the listing').toBeTruthy()
    await contract.call(admin, 'POST', '/api/servers/{id}/console', { params: { id: server.id }, body: { type: 'vnc' } })
    await contract.call(admin, 'GET', '/api/servers/{id}/firewall', { params: { id: server.id } })
    await contract.call(admin, 'PUT', '/api/servers/{id}/firewall', { params: { id: server.id }, body: { rulesets: [] } })
    const fw = (await contract.call(admin, 'POST', '/api/hosting/providers/{provider}/firewalls', { params: { provider: h }, body: { name: 'contract' } })).body.id
    const p = { provider: h, fw }
    await contract.call(admin, 'GET', '/api/hosting/providers/{provider}/firewalls', { params: { provider: h } })
    const rule = (await contract.call(admin, 'POST', '/api/hosting/providers/{provider}/firewalls/{fw}/rules', { params: p, body: { protocol: 'TCP', port: '22', source: 'any', source_detail: 'any' } })).body.id
    await contract.call(admin, 'PUT', '/api/hosting/providers/{provider}/firewalls/{fw}/rules/{rule}', { params: { ...p, rule }, body: { protocol: 'UDP', port: '53', source: 'any', source_detail: 'any' } })
    await contract.call(admin, 'GET', '/api/hosting/providers/{provider}/firewalls/{fw}/rules', { params: p })
    await contract.call(admin, 'POST', '/api/hosting/providers/{provider}/firewalls/{fw}/attach', { params: p, body: { vm: '1268054' } })
    await contract.call(admin, 'POST', '/api/hosting/providers/{provider}/firewalls/{fw}/sync', { params: p, body: { vm: '1268054' } })
    await contract.call(admin, 'GET', '/api/hosting/providers/{provider}/firewalls/{fw}', { params: p })
    await contract.call(admin, 'DELETE', '/api/hosting/providers/{provider}/firewalls/{fw}/rules/{rule}', { params: { ...p, rule } })
    await contract.call(admin, 'POST', '/api/hosting/providers/{provider}/firewalls/{fw}/detach', { params: p, body: { vm: '1268054' } })
    await contract.call(admin, 'DELETE', '/api/hosting/providers/{provider}/firewalls/{fw}', { params: p })
    expect((await contract.call(customer.client, 'GET', '/api/hosting/providers/{provider}/firewalls', { params: { provider: h } })).status).toBe(403)
  })

  it('Test-only routes', async () => {
    await contract.call(admin, 'GET', '/api/_test/jobs')
  })
})

afterAll(() => {
  // Which groups and operations this run covered (the report quotes it).
  if (!contract) return
  const tags = new Map<string, string[]>()
  for (const label of contract.seen.keys()) {
    const [method, path] = label.split(' ')
    const tag = contract.doc.paths[path!]?.[method!.toLowerCase()]?.tags?.[0] ?? '?'
    tags.set(tag, [...(tags.get(tag) ?? []), label])
  }
  const total = Object.values(contract.doc.paths).reduce((n, item) => n + Object.keys(item).length, 0)
  console.info(`[contract] ${contract.seen.size} of ${total} operations checked, in ${tags.size} groups: ${[...tags].map(([t, l]) => `${t} (${l.length})`).join(', ')}`)
})
