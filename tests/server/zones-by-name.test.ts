/**
 * Zones and domains addressed by their name alone (`/api/dns/{domain}`, `/api/domains/{domain}`):
 * what a customer's pages call, so no account slug reaches them (white label). The account is
 * found from the customer's assignment; another customer's name is a 404; a name held on two
 * accounts is a 409 (never a guess). Admins may use them too, and keep the account in lists.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../sandbox/credentials'
import { type Client, adminClient, customerClient, sandboxUrl } from './helpers'

/** Two accounts on the same sandbox registry: both hold every domain bought there. */
const FIRST = 'byname-a'
const SECOND = 'byname-b'
let admin: Client
let owner: { client: Client, user: any }
let other: { client: Client, user: any }
let domain: string
let twice: string

let n = 0
/** A new domain in the sandbox portfolio (with the registry's default zone). */
async function buyDomain(prefix: string): Promise<string> {
  const name = `${prefix}-${Date.now().toString(36)}${n++}.com`
  const res = await fetch(`${sandboxBaseUrl(sandboxUrl(), 'hostinger')}/api/domains/v1/portfolio`, {
    method: 'POST',
    headers: { 'authorization': `Bearer ${SANDBOX_CREDENTIALS.hostinger.api_key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ domain: name, item_id: 'hostingercom-domain-com-usd-1y' }),
  })
  if (!res.ok) throw new Error(`sandbox purchase failed: ${res.status} ${await res.text()}`)
  // A new domain is set up for a moment (the lock cannot change meanwhile): wait until it is active.
  await vi.waitFor(async () => {
    const d = await fetch(`${sandboxBaseUrl(sandboxUrl(), 'hostinger')}/api/domains/v1/portfolio/${name}`, { headers: { authorization: `Bearer ${SANDBOX_CREDENTIALS.hostinger.api_key}` } })
    expect((await d.json()).status).toBe('active')
  }, { timeout: 20_000, interval: 100 })
  return name
}

async function assign(account: string, name: string, ownerId: string) {
  expect((await admin.post('/api/_test/zone-assignments', { account, domain: name, owner_id: ownerId })).status).toBe(201)
}

beforeAll(async () => {
  admin = await adminClient()
  const creds = SANDBOX_CREDENTIALS.hostinger
  for (const slug of [FIRST, SECOND]) {
    const r = await admin.post(`/api/hosting/providers/${slug}/configure`, { type: 'hostinger', api_key: creds.api_key, display_name: 'Registry', extra: { ...creds.extra, base_url: sandboxBaseUrl(sandboxUrl(), 'hostinger') } })
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300)
  }
  owner = await customerClient(admin, 'Nadia Name')
  other = await customerClient(admin, 'Otto Other')
  domain = await buyDomain('nadia')
  twice = await buyDomain('twice')
  await assign(FIRST, domain, owner.user.id)
  // The same name handed over on both accounts: nothing says which one is meant.
  await assign(FIRST, twice, owner.user.id)
  await assign(SECOND, twice, owner.user.id)
}, 60_000)

describe('a zone by its name', () => {
  it('the owner reads, changes, exports and lists the history of their zone without naming its account', async () => {
    const records = await owner.client.get(`/api/dns/${domain}`)
    expect(records.status, JSON.stringify(records.body)).toBe(200)
    expect(Array.isArray(records.body)).toBe(true)
    const added = await owner.client.post(`/api/dns/${domain}`, { type: 'TXT', name: 'byname', content: 'hello', ttl: 300 })
    expect(added.status, JSON.stringify(added.body)).toBe(201)
    const after = (await owner.client.get(`/api/dns/${domain}`)).body as { type: string, name: string }[]
    expect(after.some(r => r.type === 'TXT' && r.name === 'byname')).toBe(true)
    // The same zone on its account (the admin's view) has the change: one zone, two addresses.
    const onAccount = (await admin.get(`/api/hosting/providers/${FIRST}/dns/${domain}`)).body as { type: string, name: string }[]
    expect(onAccount.some(r => r.type === 'TXT' && r.name === 'byname')).toBe(true)
    expect((await owner.client.req('DELETE', `/api/dns/${domain}?name=byname&type=TXT`)).status).toBe(200)
    const history = await owner.client.get(`/api/dns/${domain}/snapshots`)
    expect(history.status).toBe(200)
    expect(history.body.snapshots.length).toBeGreaterThan(0)
    const file = await owner.client.get(`/api/dns/${domain}/export`)
    expect(file.status).toBe(200)
    expect(String(file.body)).toContain(domain)
    for (const r of [records, history, file]) expect(JSON.stringify(r.body)).not.toContain(FIRST)
  })

  it('another customer gets the same 404 as for a name that does not exist', async () => {
    for (const path of [`/api/dns/${domain}`, `/api/dns/${domain}/snapshots`, `/api/dns/${domain}/export`, '/api/dns/no-such-zone-x.com']) {
      const r = await other.client.get(path)
      expect(r.status, path).toBe(404)
      expect(r.body.code).toBe('zone_not_found')
      expect(JSON.stringify(r.body)).not.toContain(FIRST)
    }
    expect((await other.client.post(`/api/dns/${domain}`, { type: 'TXT', name: 'x', content: 'y', ttl: 300 })).status).toBe(404)
  })

  it('a name on two accounts is a 409, for the owner and for an admin', async () => {
    const r = await owner.client.get(`/api/dns/${twice}`)
    expect(r.status).toBe(409)
    expect(r.body.code).toBe('name_ambiguous')
    expect(r.body.error).not.toContain(FIRST)
    const a = await admin.get(`/api/dns/${twice}`)
    expect(a.status).toBe(409)
    expect(a.body.code).toBe('name_ambiguous')
    // The admin is told which accounts, and where to go instead.
    expect(a.body.error).toContain(FIRST)
    expect(a.body.error).toContain('/api/hosting/providers/{provider}/dns/{domain}')
  })

  it('an admin reaches a name assigned once', async () => {
    expect((await admin.get(`/api/dns/${domain}`)).status).toBe(200)
    expect((await admin.get(`/api/domains/${domain}`)).status).toBe(200)
  })

  it('the zone list names the account for admins only', async () => {
    const mine = (await owner.client.get('/api/dns/zones')).body
    const row = mine.zones.find((z: any) => z.domain === domain)
    expect(row).toBeTruthy()
    for (const key of ['provider', 'provider_type', 'provider_display_name']) expect(row).not.toHaveProperty(key)
    for (const e of mine.errors) expect(e).not.toHaveProperty('provider')
    const all = (await admin.get('/api/dns/zones')).body
    const adminRow = all.zones.find((z: any) => z.domain === domain && z.provider === FIRST)
    expect(adminRow).toMatchObject({ provider: FIRST, provider_type: 'hostinger' })
  })
})

describe('a domain by its name', () => {
  it('the owner reads it and changes its lock; another customer gets a 404', async () => {
    const d = await owner.client.get(`/api/domains/${domain}`)
    expect(d.status, JSON.stringify(d.body)).toBe(200)
    expect(d.body.name).toBe(domain)
    expect(JSON.stringify(d.body)).not.toContain(FIRST)
    const locked = await owner.client.post(`/api/domains/${domain}/lock`)
    expect(locked.body.status, JSON.stringify(locked.body)).toBe('locked')
    expect((await owner.client.get(`/api/domains/${domain}`)).body.locked).toBe(true)
    expect((await owner.client.del(`/api/domains/${domain}/lock`)).body.status).toBe('unlocked')
    const theirs = await other.client.get(`/api/domains/${domain}`)
    expect(theirs.status).toBe(404)
    expect(theirs.body.code).toBe('domain_not_found')
    expect((await other.client.post(`/api/domains/${domain}/lock`)).status).toBe(404)
    expect((await owner.client.get(`/api/domains/${twice}`)).body.code).toBe('name_ambiguous')
  })

  it('the domain list names the account for admins only', async () => {
    const mine = (await owner.client.get('/api/domains')).body
    const row = mine.domains.find((d: any) => d.name === domain)
    expect(row).toBeTruthy()
    expect(row).not.toHaveProperty('account')
    for (const o of mine.accounts) {
      for (const key of ['slug', 'display_name', 'type']) expect(o).not.toHaveProperty(key)
    }
    const all = (await admin.get('/api/domains')).body
    expect(all.domains.find((d: any) => d.name === domain && d.account?.slug === FIRST)).toBeTruthy()
  })
})
