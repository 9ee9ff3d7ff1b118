/**
 * Billing against a sandbox of this file's own (long payment delay, so an unpaid Inferno order
 * stays Pending): cancelling orders and injecting faults here cannot disturb other files, which
 * share the main sandbox. The accounts are this file's own too (`bill-*`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../sandbox/credentials'
import { Client, adminClient, customerClient } from './helpers'

const ACCOUNTS = {
  'bill-virtua': { type: 'virtua', extra: {} },
  'bill-inferno': { type: 'inferno', extra: {} },
  'bill-inferno-usd': { type: 'inferno', extra: { currency: 'USD' } },
  'bill-hostinger': { type: 'hostinger', extra: {} },
  'bill-vf': { type: 'virtfusion', extra: {} },
} as const
type Slug = keyof typeof ACCOUNTS

let sb: Sandbox
let admin: Client
const today = () => new Date().toISOString().slice(0, 10)
const api = (slug: Slug, what: string) => `/api/hosting/providers/${slug}/${what}`
const accountIn = (overview: any, slug: Slug) => overview.accounts.find((a: any) => a.slug === slug)

beforeAll(async () => {
  sb = await startSandbox({ transitionMs: 10 * 60_000 })
  admin = await adminClient()
  for (const [slug, { type, extra }] of Object.entries(ACCOUNTS)) {
    const creds = SANDBOX_CREDENTIALS[type]
    const r = await admin.post(`/api/hosting/providers/${slug}/configure`, {
      type, api_key: creds.api_key, display_name: `Billing ${slug.slice(5)}`,
      extra: { ...creds.extra, ...extra, base_url: sandboxBaseUrl(sb.url, type) },
    })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
  }
})

afterAll(async () => {
  for (const slug of Object.keys(ACCOUNTS)) await admin?.del(`/api/hosting/providers/${slug}`)
  await sb?.close()
})

describe('billing routes per provider', () => {
  it('are for admins only', async () => {
    const { client: customer } = await customerClient(admin)
    const routes: [string, string][] = [
      ...['balance', 'limits', 'subscriptions', 'catalog', 'payment-methods', 'orders'].map(w => ['GET', api('bill-inferno', w)] as [string, string]),
      ['DELETE', api('bill-inferno', 'orders/47200')],
      ['GET', '/api/billing/overview'], ['GET', '/api/billing/history'], ['POST', '/api/billing/sample'],
    ]
    for (const [method, path] of routes) {
      const r = await customer.req(method, path, method === 'POST' ? {} : undefined)
      expect(r.status, `${method} ${path}`).toBe(403)
      expect(r.body.error).toMatch(/administrators/)
    }
    expect((await new Client().get('/api/billing/overview')).status).toBe(401)
  })

  it('Virtua: string numbers become numbers; usage against limits; no subscriptions or orders', async () => {
    const balance = await admin.get(api('bill-virtua', 'balance'))
    expect(balance.status).toBe(200)
    // The sandbox sends "93.6425", "6.4590", … as strings.
    expect(balance.body).toEqual([{ amount: 93.6425, currency: 'EUR', monthly_usage: 6.459, monthly_estimate: 37.5633, today_usage: 1.0714 }])

    const limits = await admin.get(api('bill-virtua', 'limits'))
    expect(limits.status).toBe(200)
    const servers = limits.body.find((l: any) => l.resource === 'cloud_servers')
    expect(servers).toEqual({ resource: 'cloud_servers', used: expect.any(Number), limit: 8, unit: null })
    expect(servers.used).toBeGreaterThan(0)
    // A counter without a limit keeps a null limit, not 0.
    expect(limits.body.find((l: any) => l.resource === 'vcpus')).toEqual({ resource: 'vcpus', used: expect.any(Number), limit: null, unit: 'vCPU' })
    expect(limits.body.some((l: any) => l.resource === 'smtp_enabled')).toBe(false)

    const catalog = await admin.get(api('bill-virtua', 'catalog'))
    expect(catalog.status).toBe(200)
    expect(catalog.body.length).toBeGreaterThan(0)
    for (const item of catalog.body) {
      expect(Object.keys(item).sort()).toEqual(['category', 'currency', 'description', 'id', 'name', 'period', 'price_cents'])
      expect(item.currency).toBe('EUR')
      expect(Number.isInteger(item.price_cents)).toBe(true)
    }
    expect(catalog.body.find((i: any) => i.id === 'vcs-2-intel.par01fr')).toMatchObject({ price_cents: 1200, period: 'month' })

    for (const what of ['subscriptions', 'payment-methods', 'orders']) {
      const r = await admin.get(api('bill-virtua', what))
      expect(r.status, what).toBe(501)
      expect(r.body).toMatchObject({ code: 'not_supported', error: expect.stringMatching(/^Virtua\.cloud does not support/) })
    }
    expect((await admin.get(api('bill-virtua', 'subscriptions'))).body.error).toMatch(/billed hourly/)
  })

  it('Inferno: the currency comes from the setting; missing usage figures are null', async () => {
    const eur = await admin.get(api('bill-inferno', 'balance'))
    expect(eur.body).toEqual([{ amount: 150, currency: 'EUR', monthly_usage: null, monthly_estimate: null, today_usage: null }])
    const usd = await admin.get(api('bill-inferno-usd', 'balance'))
    expect(usd.body).toEqual([{ amount: 150, currency: 'USD', monthly_usage: null, monthly_estimate: null, today_usage: null }])

    const subs = await admin.get(api('bill-inferno', 'subscriptions'))
    expect(subs.status).toBe(200)
    const active = subs.body.find((s: any) => s.id === '49650')
    expect(active).toMatchObject({ name: 'Linux Lite', status: 'Active', plan: '303', price: 5, currency: 'EUR' })
    expect(active.renews_at).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    // An unpaid order's service has no renewal.
    expect(subs.body.find((s: any) => s.id === '49700')).toMatchObject({ status: 'Pending', renews_at: null, price: 20 })

    const orders = await admin.get(api('bill-inferno', 'orders'))
    expect(orders.status).toBe(200)
    expect(orders.body).toEqual(expect.arrayContaining([
      { id: '47200', number: '8634530000', amount: 20, currency: 'EUR', status: 'Pending', cancellable: true },
      { id: '47012', number: '8634521100', amount: 5, currency: 'EUR', status: 'Active', cancellable: false },
    ]))

    for (const what of ['limits', 'payment-methods']) expect((await admin.get(api('bill-inferno', what))).status, what).toBe(501)
    const catalog = await admin.get(api('bill-inferno', 'catalog'))
    expect(catalog.body.find((i: any) => i.id === '305')).toMatchObject({ name: 'Linux Pro', price_cents: 2000, currency: 'EUR' })
  })

  it('Hostinger: subscriptions in USD cents converted, payment methods, catalog; no balance', async () => {
    const subs = await admin.get(api('bill-hostinger', 'subscriptions'))
    expect(subs.status).toBe(200)
    expect(subs.body.find((s: any) => s.name === 'KVM 2')).toEqual({
      id: 'Azz353Uhl1xC54pR0', name: 'KVM 2', status: 'active', plan: null, price: 13.99, currency: 'USD',
      renews_at: expect.any(String), created_at: '2025-01-15T10:30:00Z',
    })
    // Not auto-renewed: it expires rather than renews.
    expect(subs.body.find((s: any) => s.name === 'KVM 1')).toMatchObject({ renews_at: null, price: 95.88 })

    const pm = await admin.get(api('bill-hostinger', 'payment-methods'))
    expect(pm.body).toEqual([
      { id: '1327362', name: 'Credit Card 4111*****1111', is_default: true },
      { id: '1327363', name: 'PayPal j***@example.com', is_default: false },
    ])
    const catalog = await admin.get(api('bill-hostinger', 'catalog'))
    expect(catalog.body.find((i: any) => i.id === 'hostingercom-vps-kvm2-usd-1m')).toMatchObject({ price_cents: 1399, currency: 'USD', category: 'vps' })

    for (const what of ['balance', 'limits', 'orders']) {
      const r = await admin.get(api('bill-hostinger', what))
      expect(r.status, what).toBe(501)
      expect(r.body.code).toBe('not_supported')
    }
  })

  it('VirtFusion: every billing route is 501; an unknown account is 404', async () => {
    for (const what of ['balance', 'limits', 'subscriptions', 'catalog', 'payment-methods', 'orders']) {
      const r = await admin.get(api('bill-vf', what))
      expect(r.status, what).toBe(501)
      expect(r.body).toMatchObject({ code: 'not_supported', provider: 'VirtFusion', error: expect.stringMatching(/^VirtFusion does not support/) })
    }
    expect((await admin.del(api('bill-vf', 'orders/1'))).status).toBe(501)
    expect((await admin.get('/api/hosting/providers/no-such-account/balance')).status).toBe(404)
  })
})

describe('billing overview', () => {
  it('shows every account with its sections, and totals per currency', async () => {
    const r = await admin.get('/api/billing/overview')
    expect(r.status).toBe(200)
    const o = r.body
    expect(o.renewal_window_days).toBe(14)

    const virtua = accountIn(o, 'bill-virtua')
    expect(virtua).toMatchObject({
      display_name: 'Billing virtua', type: 'virtua', provider_display_name: 'Virtua.cloud', error: null, threshold: null, low_balance: false,
      balance: [{ amount: 93.6425, currency: 'EUR', monthly_usage: 6.459, monthly_estimate: 37.5633, today_usage: 1.0714 }],
      subscriptions: null, orders: null, payment_methods: null,
    })
    expect(virtua.limits.find((l: any) => l.resource === 'cloud_servers').limit).toBe(8)
    expect(virtua.unsupported.sort()).toEqual(['orders', 'payment_methods', 'subscriptions'])

    const inferno = accountIn(o, 'bill-inferno')
    expect(inferno.orders).toEqual([{ id: '47200', number: '8634530000', amount: 20, currency: 'EUR', status: 'Pending', cancellable: true }])
    expect(inferno.unsupported.sort()).toEqual(['limits', 'payment_methods'])
    const lite = inferno.subscriptions.find((s: any) => s.id === '49650')
    expect(lite.renews_in_days).toBeGreaterThanOrEqual(0)
    expect(lite.renews_soon).toBe(lite.renews_in_days <= 14)

    const hostinger = accountIn(o, 'bill-hostinger')
    expect(hostinger.balance).toBeNull()
    expect(hostinger.unsupported.sort()).toEqual(['balance', 'limits', 'orders'])
    expect(hostinger.subscriptions.find((s: any) => s.name === 'KVM 2')).toMatchObject({ renews_in_days: 6, renews_soon: true })
    expect(hostinger.subscriptions.find((s: any) => s.name === 'KVM 1')).toMatchObject({ renews_in_days: null, renews_soon: false })
    expect(hostinger.payment_methods).toHaveLength(2)

    expect(accountIn(o, 'bill-vf')).toMatchObject({ error: null, balance: null, limits: null, subscriptions: null, orders: null })
    expect(accountIn(o, 'bill-vf').unsupported).toHaveLength(5)

    // Totals: each currency on its own, equal to the sum of that currency's balances.
    const sum = (currency: string) => Math.round(o.accounts.flatMap((a: any) => a.balance ?? []).filter((b: any) => b.currency === currency).reduce((t: number, b: any) => t + b.amount, 0) * 1e4) / 1e4
    const eur = o.totals.find((t: any) => t.currency === 'EUR')
    const usd = o.totals.find((t: any) => t.currency === 'USD')
    expect(eur.balance).toBe(sum('EUR'))
    expect(usd.balance).toBe(sum('USD'))
    expect(usd.balance).toBeGreaterThanOrEqual(150)
    expect(eur.balance).toBeGreaterThanOrEqual(93.6425 + 150)
    expect(eur.pending_orders).toBeGreaterThanOrEqual(20)
    expect(new Set(o.totals.map((t: any) => t.currency)).size).toBe(o.totals.length)
  })

  it('one failing provider reports its error; the other accounts still show', async () => {
    sb.faults.add('virtua', { status: 500, count: 1000 })
    try {
      const r = await admin.get('/api/billing/overview')
      expect(r.status).toBe(200)
      const virtua = accountIn(r.body, 'bill-virtua')
      expect(virtua.balance).toBeNull()
      expect(virtua.limits).toBeNull()
      expect(virtua.errors.balance).toMatch(/Virtua\.cloud/)
      expect(virtua.error).toMatch(/Virtua\.cloud/)
      expect(accountIn(r.body, 'bill-inferno')).toMatchObject({ error: null, balance: [{ amount: 150 }] })
      expect(accountIn(r.body, 'bill-hostinger').subscriptions.length).toBeGreaterThan(0)
      // The failing account's balance is simply missing from the totals.
      expect(r.body.totals.find((t: any) => t.currency === 'USD').balance).toBeGreaterThanOrEqual(150)
    }
    finally { sb.faults.clear() }
    const healed = accountIn((await admin.get('/api/billing/overview')).body, 'bill-virtua')
    expect(healed).toMatchObject({ error: null, balance: [{ amount: 93.6425 }] })
  })
})

describe('orders', () => {
  it('cancels a pending Inferno order; an active one is refused with the reason', async () => {
    const active = await admin.del(api('bill-inferno', 'orders/47012'))
    expect(active.status).toBe(409)
    expect(active.body.error).toMatch(/only cancel unpaid \(Pending\) orders.*47012 is Active/)

    const r = await admin.del(api('bill-inferno', 'orders/47200'))
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toEqual({ status: 'cancelled' })
    const orders = (await admin.get(api('bill-inferno', 'orders'))).body
    expect(orders.some((o: any) => o.id === '47200')).toBe(false)
    expect(orders.some((o: any) => o.id === '47012')).toBe(true)
    expect(accountIn((await admin.get('/api/billing/overview')).body, 'bill-inferno').orders).toEqual([])

    expect((await admin.del(api('bill-inferno', 'orders/47200'))).status).toBe(404)
    expect((await admin.del(api('bill-inferno', 'orders/not%20an%20id'))).status).toBe(400)
  })
})

describe('daily samples and the low-balance alert', () => {
  it('the job is registered with pg-boss', async () => {
    expect((await admin.get('/api/_test/jobs')).body.queues).toContain('billing.sample')
  })

  it('sampling twice on one day keeps one row per account and currency', async () => {
    const first = await admin.post('/api/billing/sample')
    expect(first.status).toBe(200)
    expect(first.body.day).toBe(today())
    expect(first.body.samples).toEqual(expect.arrayContaining([
      { slug: 'bill-virtua', currency: 'EUR', balance: 93.6425, monthly_usage: 6.459 },
      { slug: 'bill-inferno-usd', currency: 'USD', balance: 150, monthly_usage: null },
    ]))
    expect(first.body.skipped.map((s: any) => s.slug)).toEqual(expect.arrayContaining(['bill-hostinger', 'bill-vf']))
    expect((await admin.post('/api/billing/sample')).status).toBe(200)

    const h = await admin.get('/api/billing/history?days=7')
    expect(h.status).toBe(200)
    expect(h.body).toMatchObject({ days: 7, to: today() })
    const mine = h.body.series.filter((s: any) => s.slug.startsWith('bill-'))
    expect(mine.map((s: any) => `${s.slug}/${s.currency}`).sort()).toEqual(['bill-inferno-usd/USD', 'bill-inferno/EUR', 'bill-virtua/EUR'])
    const virtua = mine.find((s: any) => s.slug === 'bill-virtua')
    expect(virtua).toMatchObject({ type: 'virtua', display_name: 'Billing virtua' })
    expect(virtua.points).toEqual([{ day: today(), balance: 93.6425, monthly_usage: 6.459 }])
    expect(mine.find((s: any) => s.slug === 'bill-inferno').points).toEqual([{ day: today(), balance: 150, monthly_usage: null }])
  })

  it('a failing account is reported by the run; the others are still sampled', async () => {
    sb.faults.add('inferno', { status: 500, count: 1000 })
    try {
      const r = await admin.post('/api/billing/sample')
      expect(r.status).toBe(200)
      expect(r.body.errors.map((e: any) => e.slug)).toEqual(expect.arrayContaining(['bill-inferno', 'bill-inferno-usd']))
      expect(r.body.samples.some((s: any) => s.slug === 'bill-virtua')).toBe(true)
    }
    finally { sb.faults.clear() }
  })

  it('validates the history window', async () => {
    for (const q of ['days=0', 'days=400', 'days=abc', 'days=1.5']) {
      const r = await admin.get(`/api/billing/history?${q}`)
      expect(r.status, q).toBe(400)
      expect(r.body.error).toMatch(/days/)
    }
    expect((await admin.get('/api/billing/history')).body.days).toBe(90)
  })

  it('a balance under the threshold notifies the admins once a day', async () => {
    const lowNotes = async () => (await admin.get('/api/notifications')).body.items.filter((n: any) => n.title === 'Low balance: Billing virtua')
    expect(await lowNotes()).toHaveLength(0)
    expect((await admin.post(api('bill-virtua', 'configure'), { extra: { low_balance_threshold: 'lots' } })).status).toBe(400)
    const set = await admin.post(api('bill-virtua', 'configure'), { extra: { low_balance_threshold: '1000' } })
    expect(set.status).toBe(200)

    const run = await admin.post('/api/billing/sample')
    expect(run.body.low_balance).toEqual([{ slug: 'bill-virtua', currency: 'EUR', balance: 93.6425, threshold: 1000, notified: true }])
    let notes = await lowNotes()
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ level: 'warning', link: '/billing', read_at: null })
    expect(notes[0].body).toMatch(/93\.64 EUR, below the alert threshold of 1000\.00/)
    const overview = accountIn((await admin.get('/api/billing/overview')).body, 'bill-virtua')
    expect(overview).toMatchObject({ threshold: 1000, low_balance: true })

    // Read it, run again: still one, and it stays read.
    await admin.post(`/api/notifications/${notes[0].id}/read`)
    const again = await admin.post('/api/billing/sample')
    expect(again.body.low_balance).toEqual([expect.objectContaining({ slug: 'bill-virtua', notified: false })])
    notes = await lowNotes()
    expect(notes).toHaveLength(1)
    expect(notes[0].read_at).not.toBeNull()

    // Above the balance no more: no alert.
    await admin.post(api('bill-virtua', 'configure'), { extra: { low_balance_threshold: '50' } })
    const fine = await admin.post('/api/billing/sample')
    expect(fine.body.low_balance.filter((l: any) => l.slug === 'bill-virtua')).toEqual([])
    await admin.post(api('bill-virtua', 'configure'), { extra: { low_balance_threshold: null } })
    expect(accountIn((await admin.get('/api/billing/overview')).body, 'bill-virtua')).toMatchObject({ threshold: null, low_balance: false })
  })

  it('the setting is offered for Virtua and Inferno accounts', async () => {
    const types = (await admin.get('/api/hosting/provider-types')).body
    for (const t of ['virtua', 'inferno']) {
      const f = types.find((m: any) => m.type === t).settings.find((s: any) => s.key === 'low_balance_threshold')
      expect(f, t).toMatchObject({ type: 'number', help: 'Notify admins when the balance falls below this amount' })
    }
  })
})
