/**
 * White label: a customer never sees which providers we resell. One customer orders a server on
 * every provider kind the sandbox simulates, holds a domain and a DNS zone, and then calls every
 * GET route of the API a customer may call, read from the OpenAPI document (a new route is
 * walked without touching this file; a customer-callable GET route the walker cannot fill fails
 * it). Each answer must name no provider (VirtFusion, Virtua, Hostinger, Inferno), no account
 * slug and no upstream id of the customer's servers. Admins still see all of it.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../sandbox/credentials'
import { type Client, adminClient, customerClient, sandboxUrl } from './helpers'
import { TYPES, configureSandboxAccounts } from './servers-helpers'
import { GOOD_MAPPINGS, addKeychainKey, order, uniqueHost, waitOrder } from './portal-helpers'
import { routeFiles } from './route-files'

const PROVIDER_NAMES = /virtfusion|virtua|hostinger|inferno/i
/** The order's template per provider kind (as the portal suite orders them). */
const TEMPLATES: Record<string, string | undefined> = { virtfusion: '46', virtua: 'centos-7-64', hostinger: undefined, inferno: 'ubuntu24-64-default' }

/**
 * Routes keyed by the provider account in their path (the seed-compatible API: an account slug in
 * the URL, a VM by its upstream id). A customer who calls them has named the account already.
 * They are walked (and must not fail) but their bodies may echo what the path names. The pages
 * address a customer's zones and domains by name alone (`/api/dns/{domain}`, `/api/domains/{domain}`).
 */
const KEYED_BY_ACCOUNT = /^\/api\/hosting\/providers\/\{provider\}/
/** The customer's own zone and domain, addressed by name as the pages do. */
const BY_NAME = /^\/api\/(dns|domains)\/\{domain\}/
/** What a name-keyed route answers when it finds no account for the name. */
const UNRESOLVED = ['zone_not_found', 'domain_not_found', 'name_ambiguous']
/** The customer's zone and domain live on an account with a neutral slug, as an operator would name it. */
const REGISTRY = 'registry-a'

/** Not the customer's data: the API's own reference. */
const REFERENCE = new Set(['GET /api/openapi.json', 'GET /api/docs', 'GET /api/brand/logo'])

let admin: Client
let cust: { client: Client, user: any }
const servers: { id: string, type: string, slug: string, upstreamId: string, name: string }[] = []
let zone: string
let domain: string
let orderIds: string[] = []
/** The customer's invoices: priced pay-later plans issue one per order, and provision at once. */
let invoiceIds: string[] = []
const planIds: string[] = []
let keyId: string

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  cust = await customerClient(admin, 'Wanda Walker')
  const key = await addKeychainKey(admin, cust.user.id, 'wanda-key')
  keyId = key.id
  const placed = await Promise.all(TYPES.map(async (type, i) => {
    // Our own names: a plan or host named after its provider would be a leak of the test's making.
    const made = await admin.post('/api/plans', { name: `Cloud ${'SMLX'[i] ?? i} plan`, description: 'Fast SSD server', price_text: '€5 / month', prices: [{ cycle: 'monthly', amount_minor: 500, currency: 'EUR' }], pay_later: true, account: type, mapping: { ...GOOD_MAPPINGS[type] } })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    const plan = made.body
    planIds.push(plan.id)
    const r = await order(cust.client, { plan_id: plan.id, hostname: uniqueHost(`wl${i}`), ...(TEMPLATES[type] ? { template: TEMPLATES[type] } : {}), ...(type === 'virtua' ? {} : { ssh_key_ids: [key.id] }) })
    expect(r.status, JSON.stringify(r.body)).toBe(202)
    return { type, id: r.body.id as string }
  }))
  orderIds = placed.map(p => p.id)
  for (const p of placed) {
    const done = await waitOrder(cust.client, p.id, undefined, 90_000)
    expect(done.status, JSON.stringify(done)).toBe('completed')
    const full = (await admin.get(`/api/servers/${done.server_id}`)).body
    servers.push({ id: full.id, type: p.type, slug: full.account.slug, upstreamId: full.upstream_id, name: full.name })
  }
  invoiceIds = ((await cust.client.get('/api/invoices')).body.items as { id: string }[]).map(i => i.id)
  expect(invoiceIds.length).toBe(TYPES.length)
  const creds = SANDBOX_CREDENTIALS.hostinger
  const conf = await admin.post(`/api/hosting/providers/${REGISTRY}/configure`, { type: 'hostinger', api_key: creds.api_key, display_name: 'Hostinger registry', extra: { ...creds.extra, base_url: sandboxBaseUrl(sandboxUrl(), 'hostinger') } })
  expect(conf.status, JSON.stringify(conf.body)).toBeLessThan(300)
  zone = `wanda-${Date.now()}.example.org`
  expect((await admin.post('/api/_test/zone-assignments', { account: REGISTRY, domain: zone, owner_id: cust.user.id })).status).toBe(201)
  const domains = (await admin.get(`/api/hosting/providers/${REGISTRY}/domains`)).body as { name: string }[]
  domain = domains[0]!.name
  expect((await admin.put(`/api/hosting/providers/${REGISTRY}/domains/${domain}/owner`, { owner_id: cust.user.id })).status).toBe(200)
}, 240_000)

/** What in an answer betrays the upstream: a provider's name, an account slug, an upstream id (as a whole value). */
function leaks(text: string): string[] {
  const found = new Set<string>()
  const name = text.match(PROVIDER_NAMES)
  if (name) found.add(`provider name "${name[0]}" in …${text.slice(Math.max(0, name.index! - 60), name.index! + 40)}…`)
  if (text.includes(`"${REGISTRY}"`)) found.add(`account slug ${REGISTRY}`)
  for (const s of servers) {
    if (new RegExp(`"${s.slug}"`).test(text)) found.add(`account slug ${s.slug}`)
    if (new RegExp(`"(id|upstream_id|vm_id|server_id)":\\s*"?${s.upstreamId}"?[,}]`).test(text) || text.includes(`"${s.upstreamId}"`)) found.add(`upstream id ${s.upstreamId} (${s.type})`)
  }
  return [...found]
}

/**
 * The plan catalog also lists the plans other suites made (named after their provider by the
 * helper that makes them: the admin's wording, not the panel's); only this test's are judged.
 */
function ours(key: string, body: any) {
  return key === 'GET /api/plans' && Array.isArray(body) ? body.filter((p: any) => planIds.includes(p.id)) : body
}

/** Admins' routes: a customer gets 403/404 whatever id it names. */
const adminOnlyPath = (path: string) => path.startsWith('/api/admin/') || path.startsWith('/api/users/')

/** Fills a path template with the customer's own things; one path per server for server routes. */
function fill(path: string): string[] {
  if (path.includes('{provider}')) {
    const account = path.includes('/dns/') || path.includes('/domains') ? [{ slug: REGISTRY, upstreamId: '' }] : servers
    return account.flatMap(s => fill(path.replace('{provider}', s.slug).replace('/vms/{id}', `/vms/${s.upstreamId}`)))
  }
  if (path.startsWith('/api/servers/{id}')) return servers.map(s => path.replace('{id}', s.id))
  if (path.startsWith('/api/orders/{id}')) return orderIds.map(id => path.replace('{id}', id))
  if (path.startsWith('/api/invoices/{id}')) return invoiceIds.map(id => path.replace('{id}', id))
  if (path.startsWith('/api/plans/{id}')) return planIds.map(id => path.replace('{id}', id))
  if (path.startsWith('/api/ssh-keys/{id}')) return [path.replace('{id}', keyId)]
  // Admin-only resources: any id (the customer must be refused before it matters).
  const values: Record<string, string> = { domain: path.includes('/dns/') ? zone : domain, fw: '1', rule: '1', ...(adminOnlyPath(path) ? { id: '00000000-0000-4000-8000-000000000000' } : {}) }
  const filled = path.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m)
  return /\{[^}]+\}/.test(filled) ? [] : [filled]
}

describe('the customer never sees the upstream', () => {
  it('walks every customer GET route of the API (from the OpenAPI document) and finds no provider, slug or upstream id', async () => {
    const doc = (await admin.get('/api/openapi.json')).body as { paths: Record<string, Record<string, { description?: string }>> }
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([m]) => m === 'get').map(([, op]) => ({ path, op })))
    // Every GET route file is in the document, so none escapes the walk.
    const files = routeFiles().filter(r => r.method === 'GET' && !r.template.startsWith('/api/_test/')).map(r => r.template.replace(/\[\.\.\.(\w+)\]|\[(\w+)\]/g, (_, a, b) => `{${a ?? b}}`))
    for (const f of files) expect(documented.map(d => d.path), `${f} is not in the OpenAPI document`).toContain(f)

    const walked: string[] = []
    const leaking = new Map<string, string[]>()
    const problems: string[] = []
    for (const { path, op } of documented) {
      const key = `GET ${path}`
      if (REFERENCE.has(key) || path.startsWith('/api/_test/')) continue
      const adminOnly = /Administrators only/.test(op.description ?? '')
      const paths = fill(path)
      if (!paths.length) {
        problems.push(`${key}: no value for its path parameters (teach fill() about it)`)
        continue
      }
      for (const p of paths) {
        const r = await cust.client.get(p)
        if (adminOnly) {
          if (r.status !== 403 && r.status !== 404) problems.push(`${key}: admin-only, yet a customer got ${r.status}`)
        }
        else if (r.status >= 500 && r.status !== 501) problems.push(`${key} → ${p}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`)
        // The customer's own zone and domain by name must resolve to their account (the zone itself
        // need not exist upstream: its records would be the registry's words, not ours).
        else if (BY_NAME.test(path) && UNRESOLVED.includes(r.body?.code)) problems.push(`${key} → ${p}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`)
        const found = leaks(typeof r.body === 'string' ? r.body : JSON.stringify(ours(key, r.body) ?? ''))
        if (found.length) leaking.set(key, [...(leaking.get(key) ?? []), `${p} (${r.status}): ${found.join('; ')}`])
      }
      walked.push(key)
    }
    expect(problems, problems.join('\n')).toEqual([])
    // The routes the white label was built around are all walked.
    for (const key of ['GET /api/servers', 'GET /api/servers/{id}', 'GET /api/servers/{id}/features', 'GET /api/orders', 'GET /api/orders/{id}', 'GET /api/notifications', 'GET /api/plans', 'GET /api/ssh-keys', 'GET /api/brand',
      'GET /api/dns/zones', 'GET /api/dns/{domain}', 'GET /api/dns/{domain}/snapshots', 'GET /api/dns/{domain}/export', 'GET /api/domains', 'GET /api/domains/{domain}']) {
      expect(walked, key).toContain(key)
    }
    if (process.env.WL_DEBUG) console.log([...leaking].map(([k, v]) => `${k}: ${v.join(' | ')}`).join('\n'))
    // The seed-compatible routes address accounts and VMs by slug and upstream id in their path.
    const unexpected = [...leaking].filter(([k]) => !KEYED_BY_ACCOUNT.test(k.slice(4)))
    expect(unexpected.map(([k, v]) => `${k}: ${v.join(' | ')}`).join('\n')).toBe('')
  }, 240_000)

  it('admins still see the accounts and upstream ids', async () => {
    // Filtered to this customer: other suites' servers may fill the first page.
    const list = (await admin.get(`/api/servers?per_page=100&owner=${cust.user.id}`)).body
    const mine = list.items.filter((s: any) => servers.some(x => x.id === s.id))
    expect(mine).toHaveLength(servers.length)
    for (const s of mine) expect(s.account.slug).toBeTruthy()
    for (const s of mine) expect(s.upstream_id).toBeTruthy()
  })

  it('the customer sees the ordered plan\'s name and our capability words', async () => {
    for (const s of servers) {
      const v = (await cust.client.get(`/api/servers/${s.id}`)).body
      expect(v.account).toBeUndefined()
      expect(v.upstream_id).toBeUndefined()
      expect(v.extra).toBeUndefined()
      expect(v.plan, s.type).toMatch(/^Cloud \w plan$/)
      expect(v.facts.look.label).toBe('')
      for (const cap of Object.values(v.capabilities) as any[]) {
        if (cap.note) expect(cap.note_key).toBe('serverCustomer.capability.unavailable')
      }
    }
    const list = (await cust.client.get('/api/servers')).body
    expect(list.accounts).toEqual([])
    for (const item of list.items) expect(item.capabilities).toBeTruthy()
  })
})
