/**
 * The admin dashboard against a sandbox of this file's own (faults here disturb no other file).
 * Other files' accounts share the database, so upstream tiles are checked by what this file's
 * accounts add to them, and the servers tile against the listing's own total.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../sandbox/credentials'
import { type Client, adminClient, customerClient } from './helpers'

const ACCOUNTS = { 'dash-hostinger': 'hostinger', 'dash-virtua': 'virtua' } as const
let sb: Sandbox
let admin: Client

const dashboard = async () => {
  const r = await admin.get('/api/admin/dashboard')
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body
}
const refresh = async () => {
  const r = await admin.post('/api/admin/dashboard/refresh')
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body
}

beforeAll(async () => {
  sb = await startSandbox({ transitionMs: 10 * 60_000 })
  admin = await adminClient()
})

afterAll(async () => {
  for (const slug of Object.keys(ACCOUNTS)) await admin?.del(`/api/hosting/providers/${slug}`)
  await sb?.close()
})

async function configure(slug: keyof typeof ACCOUNTS, extra: Record<string, unknown> = {}) {
  const type = ACCOUNTS[slug]
  const creds = SANDBOX_CREDENTIALS[type]
  const r = await admin.post(`/api/hosting/providers/${slug}/configure`, {
    type, api_key: creds.api_key, display_name: `Dash ${type}`, extra: { ...creds.extra, base_url: sandboxBaseUrl(sb.url, type), ...extra },
  })
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300)
}

describe('admin dashboard', () => {
  it('is for admins only', async () => {
    const { client } = await customerClient(admin, 'Dash Customer')
    expect((await client.get('/api/admin/dashboard')).status).toBe(403)
    expect((await client.post('/api/admin/dashboard/refresh')).status).toBe(403)
  })

  it('counts servers from the maintained counters, as the listing does', async () => {
    const d = await dashboard()
    const listing = await admin.get('/api/servers?per_page=1')
    expect(d.servers.total).toBe(listing.body.total)
    expect(Object.values(d.servers.by_status as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(d.servers.total)
    expect(d.servers.by_account.reduce((a: number, x: any) => a + x.count, 0)).toBe(d.servers.total)
    const review = await admin.get('/api/admin/intents?state=needs_review')
    expect(d.provisioning.needs_review).toBe(review.body.length)
  })

  it('counts a just-connected account\'s servers at once, as the listing does (it reads them first)', async () => {
    const creds = SANDBOX_CREDENTIALS.hostinger
    const made = await admin.post('/api/hosting/providers/dash-fresh/configure', { type: 'hostinger', api_key: creds.api_key, display_name: 'Dash fresh', extra: { ...creds.extra, base_url: sandboxBaseUrl(sb.url, 'hostinger') } })
    expect(made.status, JSON.stringify(made.body)).toBeLessThan(300)
    try {
      const d = await dashboard()
      expect(d.servers.by_account.find((a: any) => a.account.slug === 'dash-fresh')?.count).toBeGreaterThan(0)
      expect(d.servers.total).toBe((await admin.get('/api/servers?per_page=1')).body.total)
    }
    finally { await admin.del('/api/hosting/providers/dash-fresh') }
  })

  it('shows domains expiring within 30 days (and expired ones) and renewals within 14 days, read by the watch', async () => {
    const before = await refresh()
    await configure('dash-hostinger')
    const after = await refresh()
    expect(after.refresh_failed).toEqual([])
    // The Hostinger seed: shop.example.net expires in 20 days, old-brand.org expired 10 days ago,
    // example.com in 430 days (not shown); one subscription bills again in 6 days.
    expect(after.domains_expiring.total - before.domains_expiring.total).toBe(2)
    expect(after.renewals_due.total - before.renewals_due.total).toBe(1)
    expect(after.domains_expiring.observed_at).not.toBeNull()
    const items = after.domains_expiring.items as any[]
    expect(items.map(i => i.days_left)).toEqual([...items.map(i => i.days_left)].sort((a, b) => a - b))
    const mine = items.filter(i => i.account.slug === 'dash-hostinger')
    for (const i of mine) expect(['shop.example.net', 'old-brand.org']).toContain(i.subject)
    expect(items.find(i => i.subject === 'old-brand.org')?.days_left).toBeLessThan(0)
    // A renewal this close alerts the admins once (renewal_due), however often the watch runs.
    const renewals = async () => (await admin.get('/api/notifications')).body.items
      .filter((n: any) => n.kind === 'renewal_due' && n.params.account === 'Dash hostinger')
    expect(await renewals()).toHaveLength(1)
    await refresh()
    expect(await renewals()).toHaveLength(1)
    // The GET answers from what the watch stored.
    expect((await dashboard()).domains_expiring.total).toBe(after.domains_expiring.total)
  })

  it('keeps an account\'s last known dates when its read fails, and says so', async () => {
    const known = (await dashboard()).domains_expiring.total
    sb.faults.add('hostinger', { status: 500, count: 1000 })
    try {
      const r = await refresh()
      expect(r.refresh_failed.map((f: any) => f.slug)).toContain('dash-hostinger')
      expect(r.domains_expiring.total).toBe(known)
    }
    finally { sb.faults.clear() }
  })

  it('lists low balances from the daily samples and accounts whose sync fails', async () => {
    await configure('dash-virtua', { low_balance_threshold: '1000' })
    expect((await admin.post('/api/billing/sample')).status).toBe(200)
    let d = await dashboard()
    expect(d.low_balances).toContainEqual(expect.objectContaining({ account: expect.objectContaining({ slug: 'dash-virtua' }), currency: 'EUR', threshold: 1000 }))

    sb.faults.add('virtua', { status: 500, count: 1000 })
    try { await admin.post('/api/servers/sync', { wait: true, account: 'dash-virtua' }) }
    finally { sb.faults.clear() }
    d = await dashboard()
    expect(d.sync_failing.map((s: any) => s.account.slug)).toContain('dash-virtua')
    const healed = await admin.post('/api/servers/sync', { wait: true, account: 'dash-virtua' })
    expect(healed.status).toBe(200)
    d = await dashboard()
    expect(d.sync_failing.map((s: any) => s.account.slug)).not.toContain('dash-virtua')
  })

  it('shows recent activity from the audit log, newest first', async () => {
    const d = await dashboard()
    expect(d.recent_activity.length).toBeGreaterThan(0)
    expect(d.recent_activity.length).toBeLessThanOrEqual(8)
    const ids = d.recent_activity.map((e: any) => e.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
  })
})
