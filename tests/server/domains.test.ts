/**
 * Domains: every route with good and bad input, exactly-once purchase (concurrent duplicates and
 * a lost reply), the expiry notification, and customer scoping. Runs against the Hostinger
 * simulator through our own accounts (dom-*), with names made unique per run.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../sandbox/credentials'
import type { Client } from './helpers'
import { adminClient, customerClient, sandboxAdmin, sandboxUrl } from './helpers'

const RUN = Date.now().toString(36)
const P = '/api/hosting/providers'
const HOST = 'dom-host'
const SEED_SHAPE = ['name', 'registrar', 'status', 'expires_at', 'auto_renew', 'locked', 'privacy_protection', 'nameservers']
let admin: Client

async function hostingerRequests() {
  const res = await fetch(`${sandboxUrl()}/__sandbox/requests?provider=hostinger`)
  return (await res.json()) as { method: string, path: string, body?: Record<string, unknown> }[]
}
async function purchasePosts(domain: string) {
  return (await hostingerRequests()).filter(r => r.method === 'POST' && r.path === '/api/domains/v1/portfolio' && r.body?.domain === domain)
}
const buy = (c: Client, body: unknown, key: string | null = randomUUID(), provider = HOST) =>
  c.req('POST', `${P}/${provider}/domains/purchase`, body, key ? { 'idempotency-key': key } : {})

/** Buys a fresh domain and waits until the simulator finished setting it up. */
async function ownDomain(label: string) {
  const name = `${label}-${RUN}.com`
  const r = await buy(admin, { domain: name })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  // vi.waitFor, not expect.poll: this also runs in beforeAll hooks.
  await vi.waitFor(async () => {
    const d = await admin.get(`${P}/${HOST}/domains/${name}`)
    if (d.body.status !== 'active') throw new Error(`${name} never became active (${d.body.status})`)
  }, { timeout: 10_000, interval: 100 })
  return name
}

beforeAll(async () => {
  admin = await adminClient()
  const configure = async (slug: string, type: 'hostinger' | 'virtua', apiKey: string = SANDBOX_CREDENTIALS[type].api_key) => {
    const r = await admin.post(`${P}/${slug}/configure`, { type, api_key: apiKey, display_name: `Dom ${slug}`, extra: { base_url: sandboxBaseUrl(sandboxUrl(), type) } })
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300)
  }
  await configure(HOST, 'hostinger')
  await configure('dom-virtua', 'virtua')
  await configure('dom-bad', 'hostinger', 'not-the-sandbox-token')
})

afterAll(async () => {
  await sandboxAdmin('/faults', 'DELETE')
  for (const slug of [HOST, 'dom-virtua', 'dom-bad']) await admin.del(`${P}/${slug}`)
})

describe('reading domains', () => {
  it('lists the portfolio in the seed shape', async () => {
    const r = await admin.get(`${P}/${HOST}/domains`)
    expect(r.status).toBe(200)
    const ex = r.body.find((d: any) => d.name === 'example.com')
    for (const k of SEED_SHAPE) expect(ex).toHaveProperty(k)
    expect(ex).toMatchObject({
      registrar: 'Hostinger', status: 'active', auto_renew: false, locked: true, privacy_protection: true,
      nameservers: ['ns1.dns-parking.com', 'ns2.dns-parking.com'], auto_renew_known: false,
    })
    expect(Date.parse(ex.expires_at)).toBeGreaterThan(Date.now())
    expect(r.body.find((d: any) => d.name === 'shop.example.net').expires_in_days).toBe(20)
  })

  it('lists the portfolio when one domain\'s details fail: that one marked, the others whole', async () => {
    await sandboxAdmin('/faults', 'POST', { provider: 'hostinger', status: 500, method: 'GET', match: '/api/domains/v1/portfolio/shop.example.net', count: 10 })
    try {
      const r = await admin.get(`${P}/${HOST}/domains`)
      expect(r.status, JSON.stringify(r.body)).toBe(200)
      const by = Object.fromEntries(r.body.map((d: any) => [d.name, d]))
      expect(by['example.com']).toMatchObject({ details_known: true, details_failed: false, locked: true, nameservers: ['ns1.dns-parking.com', 'ns2.dns-parking.com'] })
      expect(by['shop.example.net']).toMatchObject({ details_known: false, details_failed: true, nameservers: [] })
      // The admin sees why (the provider's error rides in extra).
      expect(by['shop.example.net'].extra?.details_error).toMatch(/Hostinger/)
    }
    finally { await sandboxAdmin('/faults?provider=hostinger', 'DELETE') }
  })

  it('reads one domain; unknown is 404, a malformed name 400, an unknown account 404', async () => {
    const r = await admin.get(`${P}/${HOST}/domains/Example.COM`)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ name: 'example.com', locked: true })
    const unknown = await admin.get(`${P}/${HOST}/domains/never-registered-${RUN}.com`)
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toEqual(expect.any(String))
    const bad = await admin.get(`${P}/${HOST}/domains/not_a_domain`)
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatch(/domain/)
    expect((await admin.get(`${P}/no-such-account/domains`)).status).toBe(404)
  })

  it('answers 501 on every domain route of a provider without domains (Virtua)', async () => {
    const v = `${P}/dom-virtua/domains`
    const calls: [string, string, unknown?, Record<string, string>?][] = [
      ['GET', v], ['GET', `${v}/example.com`], ['POST', `${v}/check`, { domains: ['a.com'] }],
      ['POST', `${v}/purchase`, { domain: 'a.com' }, { 'idempotency-key': randomUUID() }],
      ['PUT', `${v}/example.com/nameservers`, { nameservers: ['ns1.a.com', 'ns2.a.com'] }],
      ['POST', `${v}/example.com/lock`], ['DELETE', `${v}/example.com/lock`],
      ['POST', `${v}/example.com/privacy`], ['DELETE', `${v}/example.com/privacy`],
    ]
    for (const [m, p, body, headers] of calls) {
      const r = await admin.req(m, p, body, headers)
      expect(r.status, `${m} ${p}`).toBe(501)
      expect(r.body.error, `${m} ${p}`).toMatch(/Virtua\.cloud does not support/)
    }
  })

  it('lists across accounts, tagged with the account; a failing account is reported, others listed', async () => {
    const r = await admin.get('/api/domains')
    expect(r.status).toBe(200)
    const mine = r.body.domains.filter((d: any) => d.account.slug === HOST)
    expect(mine.map((d: any) => d.name)).toEqual(expect.arrayContaining(['example.com', 'shop.example.net', 'old-brand.org']))
    expect(mine[0].account).toEqual({ slug: HOST, display_name: `Dom ${HOST}`, type: 'hostinger' })
    const accounts = Object.fromEntries(r.body.accounts.map((a: any) => [a.slug, a]))
    expect(accounts[HOST]).toMatchObject({ ok: true, count: mine.length })
    expect(accounts['dom-bad']).toMatchObject({ ok: false, count: 0, status: 502 })
    expect(accounts['dom-bad'].error).toMatch(/Hostinger/)
    expect(accounts['dom-virtua']).toBeUndefined()
    expect(r.body.domains.some((d: any) => d.account.slug === 'dom-bad')).toBe(false)
  })
})

describe('availability', () => {
  it('answers each name in order with a price when available', async () => {
    const names = [`free-${RUN}.com`, `taken-${RUN}.io`, `free-${RUN}.dev`]
    const r = await admin.post(`${P}/${HOST}/domains/check`, { domains: names.map(n => n.toUpperCase()) })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toEqual([
      { domain: names[0], available: true, price: 9.99, currency: 'USD' },
      { domain: names[1], available: false },
      { domain: names[2], available: true, price: 11.99, currency: 'USD' },
    ])
    const owned = await admin.post(`${P}/${HOST}/domains/check`, { domains: ['example.com'] })
    expect(owned.body).toEqual([{ domain: 'example.com', available: false }])
  })

  it('refuses bad input with 400', async () => {
    for (const body of [{}, { domains: [] }, { domains: 'a.com' }, { domains: ['not a name'] }, { domains: ['nodot'] }, { domains: ['-x.com'] },
      { domains: Array.from({ length: 21 }, (_, i) => `n${i}-${RUN}.com`) }]) {
      const r = await admin.post(`${P}/${HOST}/domains/check`, body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect(r.body.error).toMatch(/^Invalid body/)
    }
    expect((await admin.post(`${P}/${HOST}/domains/check`, { domains: Array.from({ length: 20 }, (_, i) => `n${i}-${RUN}.com`) })).status).toBe(200)
  })
})

describe('nameservers, lock and privacy', () => {
  let name: string
  beforeAll(async () => { name = await ownDomain('settings') })

  it('sets 2 to 4 nameservers and refuses 1, 5, duplicates and bad host names', async () => {
    const url = `${P}/${HOST}/domains/${name}/nameservers`
    const bad: [unknown, RegExp][] = [
      [{ nameservers: ['ns1.cloudflare.com'] }, /at least 2/],
      [{ nameservers: ['a.example.net', 'b.example.net', 'c.example.net', 'd.example.net', 'e.example.net'] }, /at most 4/],
      [{ nameservers: ['ns1.cloudflare.com', 'NS1.cloudflare.com.'] }, /listed twice/],
      [{ nameservers: ['ns1.cloudflare.com', 'ns_2.cloudflare.com'] }, /letters, digits and hyphens/],
      [{ nameservers: ['ns1.cloudflare.com', 'ns2'] }, /full host name/],
      [{}, /nameservers/],
    ]
    for (const [body, msg] of bad) {
      const r = await admin.put(url, body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect(r.body.error).toMatch(msg)
    }
    const two = await admin.put(url, { nameservers: ['NS1.Cloudflare.com', 'ns2.cloudflare.com.'] })
    expect(two.status, JSON.stringify(two.body)).toBe(200)
    expect(two.body).toEqual({ status: 'updated' })
    expect((await admin.get(`${P}/${HOST}/domains/${name}`)).body.nameservers).toEqual(['ns1.cloudflare.com', 'ns2.cloudflare.com'])
    const four = ['ns1.example-dns.net', 'ns2.example-dns.net', 'ns3.example-dns.net', 'ns4.example-dns.net']
    expect((await admin.put(url, { nameservers: four })).body).toEqual({ status: 'updated' })
    expect((await admin.get(`${P}/${HOST}/domains/${name}`)).body.nameservers).toEqual(four)
    expect((await admin.put(`${P}/${HOST}/domains/never-registered-${RUN}.com/nameservers`, { nameservers: four.slice(0, 2) })).status).toBe(404)
  })

  it('locks and unlocks', async () => {
    const url = `${P}/${HOST}/domains/${name}/lock`
    expect(await admin.post(url)).toMatchObject({ status: 200, body: { status: 'locked' } })
    expect((await admin.get(`${P}/${HOST}/domains/${name}`)).body.locked).toBe(true)
    expect(await admin.del(url)).toMatchObject({ status: 200, body: { status: 'unlocked' } })
    expect((await admin.get(`${P}/${HOST}/domains/${name}`)).body.locked).toBe(false)
    expect((await admin.post(`${P}/${HOST}/domains/never-registered-${RUN}.com/lock`)).status).toBe(404)
    expect((await admin.post(`${P}/${HOST}/domains/bad_name/lock`)).status).toBe(400)
  })

  it('turns privacy on and off', async () => {
    const url = `${P}/${HOST}/domains/${name}/privacy`
    expect(await admin.post(url)).toMatchObject({ status: 200, body: { status: 'enabled' } })
    expect((await admin.get(`${P}/${HOST}/domains/${name}`)).body.privacy_protection).toBe(true)
    expect(await admin.del(url)).toMatchObject({ status: 200, body: { status: 'disabled' } })
    expect((await admin.get(`${P}/${HOST}/domains/${name}`)).body.privacy_protection).toBe(false)
    expect((await admin.del(`${P}/${HOST}/domains/never-registered-${RUN}.com/privacy`)).status).toBe(404)
  })

  it('passes the provider refusal through: an expired domain cannot be locked', async () => {
    const r = await admin.post(`${P}/${HOST}/domains/old-brand.org/lock`)
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ provider: 'Hostinger', error: expect.stringMatching(/lock/i) })
  })
})

describe('purchase', () => {
  it('needs a valid body and, if one is sent, a valid Idempotency-Key', async () => {
    const badKey = await buy(admin, { domain: `nokey-${RUN}.com` }, 'short')
    expect(badKey.status).toBe(400)
    expect(badKey.body).toMatchObject({ code: 'idempotency_key_invalid', error: expect.stringMatching(/Idempotency-Key/) })
    for (const body of [{}, { domain: 'nodot' }, { domain: `ok-${RUN}.com`, period: 0 }, { domain: `ok-${RUN}.com`, period: 'one' }, { domain: `ok-${RUN}.com`, surprise: true }]) {
      const r = await buy(admin, body)
      expect(r.status, JSON.stringify(body)).toBe(400)
    }
    expect(await purchasePosts(`nokey-${RUN}.com`)).toHaveLength(0)
  })

  it('buys once: the seed domain object, the same answer for the same key, 422 for the same key with another body', async () => {
    const name = `bought-${RUN}.com`
    const key = randomUUID()
    const first = await buy(admin, { domain: name, period: 1, auto_renew: true, privacy_protection: true }, key)
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    for (const k of SEED_SHAPE) expect(first.body).toHaveProperty(k)
    expect(first.body).toMatchObject({ name, privacy_protection: true, locked: false, nameservers: ['ns1.dns-parking.com', 'ns2.dns-parking.com'] })
    expect(first.body.expires_at).toEqual(expect.any(String))

    const again = await buy(admin, { domain: name.toUpperCase(), period: 1, auto_renew: true, privacy_protection: true }, key)
    expect(again.status).toBe(201)
    expect(again.body).toEqual(first.body)
    expect(again.headers.get('idempotent-replayed')).toBe('true')

    const other = await buy(admin, { domain: name, period: 2 }, key)
    expect(other.status).toBe(422)
    expect(other.body).toMatchObject({ code: 'idempotency_key_reused', error: expect.stringMatching(/Idempotency-Key/) })
    expect(await purchasePosts(name)).toHaveLength(1)

    const listed = await admin.get(`${P}/${HOST}/domains`)
    expect(listed.body.some((d: any) => d.name === name)).toBe(true)
  })

  it('refuses a domain already in the portfolio (409) and a taken one (provider 400), without buying', async () => {
    const owned = await buy(admin, { domain: 'example.com' })
    expect(owned.status).toBe(409)
    expect(owned.body.error).toMatch(/already in the portfolio/)
    expect(await purchasePosts('example.com')).toHaveLength(0)

    const taken = `taken-${RUN}.com`
    const key = randomUUID()
    const r = await buy(admin, { domain: taken }, key)
    expect(r.status).toBe(400)
    expect(r.body.error).toMatch(/not available/)
    // A refusal bought nothing and is not the key's answer: the same key asks the provider again.
    const again = await buy(admin, { domain: taken }, key)
    expect(again.status).toBe(400)
    expect(await purchasePosts(taken)).toHaveLength(2)
  })

  it('sends one upstream purchase for 10 concurrent identical requests', async () => {
    const name = `burst-${RUN}.com`
    const key = randomUUID()
    const results = await Promise.all(Array.from({ length: 10 }, () => buy(admin, { domain: name, privacy_protection: false }, key)))
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(201)
    for (const r of results) expect(r.body).toEqual(results[0]!.body)
    expect(results[0]!.body.name).toBe(name)
    expect(await purchasePosts(name)).toHaveLength(1)
  })

  it('settles a lost reply by looking the domain up, never by buying again', async () => {
    const name = `lost-${RUN}.com`
    const key = randomUUID()
    await sandboxAdmin('/faults', 'POST', { provider: 'hostinger', hangAfter: true, count: 1, match: 'portfolio', method: 'POST' })
    try {
      const started = Date.now()
      const r = await buy(admin, { domain: name }, key)
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900)
      expect(r.status, JSON.stringify(r.body)).toBe(201)
      expect(r.body.name).toBe(name)
      const again = await buy(admin, { domain: name }, key)
      expect(again.status).toBe(201)
      expect(again.body).toEqual(r.body)
      expect(await purchasePosts(name)).toHaveLength(1)
    }
    finally {
      await sandboxAdmin('/faults', 'DELETE')
    }
  })

  it('a reply lost before the provider took the order stays unknown (never bought twice), then goes to review', async () => {
    const name = `dropped-${RUN}.com`
    await sandboxAdmin('/faults', 'POST', { provider: 'hostinger', hang: true, count: 1, match: 'portfolio', method: 'POST' })
    try {
      const key = randomUUID()
      const r = await buy(admin, { domain: name }, key)
      expect(r.status).toBe(202)
      expect(r.body).toMatchObject({ status: 'unknown', intent: { id: expect.any(String), state: 'unknown' } })
      expect(r.headers.get('intent-id')).toBe(r.body.intent.id)
      // Only one attempt reached the simulator, and the same key answers the current state.
      const again = await buy(admin, { domain: name }, key)
      expect(again.status).toBe(202)
      expect(again.body.intent.id).toBe(r.body.intent.id)
      expect(await purchasePosts(name)).toHaveLength(1)
      expect((await admin.get(`${P}/${HOST}/domains/${name}`)).status).toBe(404)
      await expect.poll(async () => (await admin.get(`/api/admin/intents/${r.body.intent.id}`)).body.state, { timeout: 30_000, interval: 500 }).toBe('needs_review')
      // An admin checked: nothing was bought. The same key may then buy.
      expect((await admin.post(`/api/admin/intents/${r.body.intent.id}/nothing-created`)).body.state).toBe('failed')
      await sandboxAdmin('/faults', 'DELETE')
      const bought = await buy(admin, { domain: name }, key)
      expect(bought.status, JSON.stringify(bought.body)).toBe(201)
      expect(await purchasePosts(name)).toHaveLength(2)
    }
    finally {
      await sandboxAdmin('/faults', 'DELETE')
    }
  })
})

describe('expiry notifications', () => {
  it('notifies admins and the assigned customer once per domain and expiry date', async () => {
    const { client: cust, user } = await customerClient(admin, 'Exa Expiry')
    expect((await admin.put(`${P}/${HOST}/domains/shop.example.net/owner`, { owner_id: user.id })).status).toBe(200)
    expect((await cust.post('/api/domains/expiry-check')).status).toBe(403)

    const link = `/domains/${HOST}/shop.example.net`
    const first = await admin.post('/api/domains/expiry-check')
    expect(first.status).toBe(200)
    const hit = first.body.expiring.find((e: any) => e.account.slug === HOST && e.domain === 'shop.example.net')
    expect(hit).toMatchObject({ owner: { id: user.id }, auto_renew: false })
    expect(hit.days_left).toBe(20)
    expect(hit.notified).toBeGreaterThanOrEqual(2)
    // Outside the window: example.com (about 430 days) and the expired old-brand.org.
    expect(first.body.expiring.some((e: any) => e.account.slug === HOST && e.domain !== 'shop.example.net' && !e.domain.includes(RUN))).toBe(false)
    expect(first.body.accounts.find((a: any) => a.slug === 'dom-bad')).toMatchObject({ ok: false })

    const second = await admin.post('/api/domains/expiry-check')
    expect(second.body.expiring.find((e: any) => e.account.slug === HOST && e.domain === 'shop.example.net').notified).toBe(0)

    const adminNotes = (await admin.get('/api/notifications')).body.items.filter((n: any) => n.link === link)
    expect(adminNotes).toHaveLength(1)
    expect(adminNotes[0]).toMatchObject({ level: 'warning', title: 'shop.example.net expires in 20 days' })
    // White label: the customer's copy links the domain by its name alone.
    const custNotes = (await cust.get('/api/notifications')).body.items.filter((n: any) => n.link === '/domains/shop.example.net')
    expect(custNotes).toHaveLength(1)
    await admin.put(`${P}/${HOST}/domains/shop.example.net/owner`, { owner_id: null })
  })

  it('is a daily pg-boss job as well', async () => {
    const jobs = await admin.get('/api/_test/jobs')
    expect(jobs.body.queues).toContain('domains.expiry')
  })
})

describe('customer scoping', () => {
  it('customers see and manage only the domains assigned to them; purchases are admin-only', async () => {
    const { client: cust, user } = await customerClient(admin, 'Scoped Sam')
    const name = await ownDomain('customer')

    // Nothing assigned: nothing visible, every probe is 404.
    expect((await cust.get('/api/domains')).body).toEqual({ domains: [], accounts: [] })
    expect((await cust.get(`${P}/${HOST}/domains`)).status).toBe(404)
    expect((await cust.get(`${P}/${HOST}/domains/${name}`)).status).toBe(404)
    expect((await cust.post(`${P}/${HOST}/domains/${name}/lock`)).status).toBe(404)

    const assigned = await admin.put(`${P}/${HOST}/domains/${name}/owner`, { owner_id: user.id })
    expect(assigned.body).toEqual({ owner: { id: user.id, name: 'Scoped Sam', email: user.email } })
    expect((await admin.get(`${P}/${HOST}/domains/${name}`)).body.owner).toMatchObject({ id: user.id })

    const list = await cust.get(`${P}/${HOST}/domains`)
    expect(list.status).toBe(200)
    expect(list.body.map((d: any) => d.name)).toEqual([name])
    expect(list.body[0].extra).toBeUndefined()
    const all = await cust.get('/api/domains')
    expect(all.body.domains.map((d: any) => d.name)).toEqual([name])
    // White label: the customer's rows and outcomes name no account; the pages address the domain by name.
    expect(all.body.accounts).toEqual([{ ok: true, count: 1 }])
    expect(all.body.domains[0].account).toBeUndefined()
    expect(all.body.domains[0].owner).toBeUndefined()

    expect((await cust.get(`${P}/${HOST}/domains/${name}`)).status).toBe(200)
    expect((await cust.post(`${P}/${HOST}/domains/${name}/lock`)).body).toEqual({ status: 'locked' })
    expect((await cust.put(`${P}/${HOST}/domains/${name}/nameservers`, { nameservers: ['ns1.mine.example', 'ns2.mine.example'] })).body).toEqual({ status: 'updated' })

    // Someone else's domain on the same account stays hidden and untouched.
    for (const [m, p] of [['GET', `${P}/${HOST}/domains/example.com`], ['DELETE', `${P}/${HOST}/domains/example.com/lock`], ['DELETE', `${P}/${HOST}/domains/example.com/privacy`]] as const) {
      expect((await cust.req(m, p)).status, `${m} ${p}`).toBe(404)
    }
    expect((await admin.get(`${P}/${HOST}/domains/example.com`)).body).toMatchObject({ locked: true, privacy_protection: true })
    expect((await cust.put(`${P}/${HOST}/domains/example.com/nameservers`, { nameservers: ['ns1.evil.example', 'ns2.evil.example'] })).status).toBe(404)
    // Another account is not visible at all.
    expect((await cust.get(`${P}/dom-virtua/domains`)).status).toBe(404)

    // Admin-only.
    expect((await cust.post(`${P}/${HOST}/domains/check`, { domains: ['x.com'] })).status).toBe(403)
    const purchase = await buy(cust, { domain: `cust-buy-${RUN}.com` })
    expect(purchase.status).toBe(403)
    expect(await purchasePosts(`cust-buy-${RUN}.com`)).toHaveLength(0)
    expect((await cust.put(`${P}/${HOST}/domains/${name}/owner`, { owner_id: user.id })).status).toBe(403)
    expect((await cust.post('/api/domains/expiry-check')).status).toBe(403)

    // Assignment input is checked; taking it back hides the domain again.
    expect((await admin.put(`${P}/${HOST}/domains/${name}/owner`, { owner_id: 'nope' })).status).toBe(400)
    expect((await admin.put(`${P}/${HOST}/domains/${name}/owner`, { owner_id: randomUUID() })).status).toBe(400)
    const me = (await admin.get('/api/auth/me')).body.user
    expect((await admin.put(`${P}/${HOST}/domains/${name}/owner`, { owner_id: me.id })).status).toBe(400)
    expect((await admin.put(`${P}/${HOST}/domains/${name}/owner`, { owner_id: null })).body).toEqual({ owner: null })
    expect((await cust.get(`${P}/${HOST}/domains/${name}`)).status).toBe(404)
  })
})
