/**
 * The daily domain expiry check notifies once per threshold: one alert when 30 days or fewer are
 * left, one more at 7, one more at 1, and one domain_expired once it has expired (also for a
 * domain that was already expired when first seen). The clock is moved with a test-only route
 * that runs the check as if it were another day; runs within one threshold add nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../sandbox/credentials'
import { type Client, adminClient, customerClient, sandboxUrl } from './helpers'

const SLUG = 'exp-hostinger'
const DAY = 86_400_000
/** Seeded by the Hostinger simulator: 20 days left, and one that expired 10 days ago. */
const SOON = 'shop.example.net'
const GONE = 'old-brand.org'

let admin: Client
let owner: { client: Client, user: any }
let expiresAt: number
let expiredAt: number

beforeAll(async () => {
  admin = await adminClient()
  const creds = SANDBOX_CREDENTIALS.hostinger
  const r = await admin.post(`/api/hosting/providers/${SLUG}/configure`, { type: 'hostinger', api_key: creds.api_key, display_name: 'Expiry Hostinger', extra: { ...creds.extra, base_url: sandboxBaseUrl(sandboxUrl(), 'hostinger') } })
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300)
  owner = await customerClient(admin, 'Tess Threshold')
  for (const d of [SOON, GONE]) expect((await admin.put(`/api/hosting/providers/${SLUG}/domains/${d}/owner`, { owner_id: owner.user.id })).status).toBe(200)
  expiresAt = Date.parse((await admin.get(`/api/hosting/providers/${SLUG}/domains/${SOON}`)).body.expires_at)
  expiredAt = Date.parse((await admin.get(`/api/hosting/providers/${SLUG}/domains/${GONE}`)).body.expires_at)
  expect(expiresAt).toBeGreaterThan(Date.now())
  expect(expiredAt).toBeLessThan(Date.now())
})

/** Runs the check `daysBefore` days before SOON expires (negative: after); what it said about SOON. */
async function checkAt(daysBefore: number) {
  const r = await admin.post('/api/_test/domains-expiry-check', { at: new Date(expiresAt - daysBefore * DAY).toISOString() })
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  const mine = (list: any[]) => list.find(e => e.account.slug === SLUG && e.domain === SOON)
  return { soon: mine(r.body.expiring) ?? mine(r.body.expired), gone: r.body.expired.find((e: any) => e.account.slug === SLUG && e.domain === GONE) }
}

/** The owner's notices about one domain, by kind and the days they name. */
async function notices(domain: string) {
  const items = (await owner.client.get('/api/notifications')).body.items as any[]
  return items.filter(n => n.params?.domain === domain).map(n => `${n.kind}:${n.kind === 'domain_expiring' ? n.params.days : 'x'}`).sort()
}

describe('domain expiry thresholds', () => {
  it('alerts exactly once at 30, 7 and 1 days left and once expired', async () => {
    const steps: [daysBefore: number, threshold: string, expected: string[]][] = [
      [20, '30', ['domain_expiring:20']],
      [15, '30', ['domain_expiring:20']],
      [7, '7', ['domain_expiring:20', 'domain_expiring:7']],
      [5, '7', ['domain_expiring:20', 'domain_expiring:7']],
      [1, '1', ['domain_expiring:1', 'domain_expiring:20', 'domain_expiring:7']],
      [0, '1', ['domain_expiring:1', 'domain_expiring:20', 'domain_expiring:7']],
      [-2, 'expired', ['domain_expired:x', 'domain_expiring:1', 'domain_expiring:20', 'domain_expiring:7']],
      [-6, 'expired', ['domain_expired:x', 'domain_expiring:1', 'domain_expiring:20', 'domain_expiring:7']],
    ]
    for (const [daysBefore, threshold, expected] of steps) {
      const { soon } = await checkAt(daysBefore)
      expect(soon, `${daysBefore} days before`).toBeTruthy()
      expect(soon.days_left, `${daysBefore} days before`).toBe(daysBefore)
      // A new notice only where a threshold was crossed (the owner's and every admin's).
      const first = expected.length > (steps[steps.findIndex(s => s[0] === daysBefore) - 1]?.[2].length ?? 0)
      if (first) expect(soon.notified, `${daysBefore} days before (${threshold})`).toBeGreaterThanOrEqual(2)
      else expect(soon.notified, `${daysBefore} days before (${threshold})`).toBe(0)
      expect(await notices(SOON), `${daysBefore} days before`).toEqual(expected)
    }
  })

  it('alerts once for a domain that was already expired when first seen', async () => {
    // Every run above saw it expired: one notice, however many runs.
    expect(await notices(GONE)).toEqual(['domain_expired:x'])
    const { gone } = await checkAt(3)
    expect(gone.notified).toBe(0)
    expect(await notices(GONE)).toEqual(['domain_expired:x'])
  })

  it('tells the customer no account (white label)', async () => {
    const items = (await owner.client.get('/api/notifications')).body.items as any[]
    for (const n of items.filter(x => x.params?.domain)) expect(n.params.account).toBeUndefined()
  })
})
