/**
 * The exactly-once engine under fault injection, per provider: a lost answer (the sandbox
 * creates, then drops the connection), a hang past the timeout (the create happens, the answer
 * never comes), an HTML page, a 500 and a connection reset (before the provider acts) — each
 * with three creates in flight at once on one account, two of them hit by the fault. Whatever
 * happens: the upstream count equals the number of intents that got a server, no two intents
 * share one, and every intent ends succeeded/reconciled, failed or needs_review in bounded time.
 * Also: the seed's keyless routes, a double submit, and a 429 that is not the key's answer.
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, adminClient, sandboxAdmin } from './helpers'
import { TYPES, type ProviderType, configureSandboxAccounts, createBody, syncAll, uniqueHost, upstream, upstreamRequests } from './servers-helpers'

let admin: Client

const CREATE_PATH: Record<ProviderType, { path?: string, match?: string }> = {
  virtfusion: { path: '/servers' },
  virtua: { path: '/cloud/order' },
  hostinger: { path: '/api/vps/v1/virtual-machines' },
  inferno: { match: 'action=create' },
}

const FAULTS = {
  'lost answer (created, connection dropped)': { reset: true, afterEffect: true },
  'hang past the timeout (created, no answer)': { hangAfter: true },
  'HTML page': { html: true },
  'HTTP 500': { status: 500 },
  'connection reset': { reset: true },
  'HTML page after the create': { html: true, afterEffect: true },
  'HTTP 500 after the create': { status: 500, afterEffect: true },
} as const

const SETTLED = ['succeeded', 'reconciled', 'failed', 'needs_review']
type Counts = Record<'succeeded' | 'failed' | 'needs_review' | 'unknown', number>
const matrix: Record<string, Record<string, Counts>> = {}

/** The ids of what exists upstream now (servers; Inferno: orders). */
async function upstreamIds(type: ProviderType): Promise<string[]> {
  switch (type) {
    case 'virtfusion': return (await upstream(type, 'GET', '/servers?results=500')).body.data.map((s: any) => String(s.id))
    case 'hostinger': return (await upstream(type, 'GET', '/api/vps/v1/virtual-machines')).body.map((v: any) => String(v.id))
    case 'virtua': return (await upstream(type, 'GET', '/cloud-server')).body.cloud_servers.map((s: any) => String(s.uuid))
    case 'inferno': return Object.keys((await upstream(type, 'GET', '?action=orders&cid=777')).body.orders ?? {})
  }
}

async function intentsById(ids: string[]) {
  const r = await admin.get(`/api/admin/intents?ids=${ids.join(',')}`)
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body as any[]
}

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  await syncAll(admin)
})

afterAll(async () => {
  await sandboxAdmin('/faults', 'DELETE')
  const file = resolve(process.cwd(), '.data/fault-matrix.json')
  writeFileSync(file, JSON.stringify(matrix, null, 2))
  console.info(`[exactly-once] fault matrix (also in ${file}):\n${JSON.stringify(matrix, null, 2)}`)
})

describe('fault matrix: three concurrent creates per account, two of them faulted', () => {
  for (const type of TYPES) {
    for (const [name, fault] of Object.entries(FAULTS)) {
      it(`${type}: ${name}`, async () => {
        const before = await upstreamIds(type)
        await sandboxAdmin('/faults', 'POST', { provider: type, method: 'POST', count: 2, ...CREATE_PATH[type], ...fault })
        let answers
        try {
          answers = await Promise.all([0, 1, 2].map(i =>
            admin.post('/api/servers', createBody(type, uniqueHost(`eo${i}${type.slice(0, 2)}`)), { 'idempotency-key': crypto.randomUUID() })))
        }
        finally {
          await sandboxAdmin(`/faults?provider=${type}`, 'DELETE')
        }
        for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(202)
        const ids = answers.map(a => a.body.intent.id as string)
        for (const a of answers) expect(a.headers.get('intent-id')).toBe(a.body.intent.id)

        // Every intent ends succeeded, failed or needs_review within a bounded wait (the job settles unknowns).
        await expect.poll(async () => (await intentsById(ids)).map(i => i.state).filter(s => !SETTLED.includes(s)), { timeout: 45_000, interval: 500 }).toEqual([])
        const final = await intentsById(ids)
        const withServer = final.filter(i => i.state === 'succeeded' || i.state === 'reconciled')
        const created = (await upstreamIds(type)).filter(id => !before.includes(id))

        // No two intents share an object, none is guessed, and nothing made is lost: an object no
        // intent settled on is a candidate of one waiting for an admin (a loaded machine can leave
        // two lost answers indistinguishable).
        const owned = withServer.map(i => i.upstream_id)
        expect(new Set(owned).size).toBe(owned.length)
        for (const id of owned) expect(created).toContain(id)
        const review = final.filter(x => x.state === 'needs_review')
        for (const i of review) expect(i.upstream_id).toBeNull()
        const unclaimed = created.filter(id => !owned.includes(id))
        for (const id of unclaimed) expect(review.some(i => i.candidates.includes(id)), JSON.stringify({ id, created, final })).toBe(true)

        matrix[type] ??= {}
        matrix[type]![name] = {
          succeeded: withServer.length,
          failed: final.filter(i => i.state === 'failed').length,
          needs_review: review.length,
          unknown: final.filter(i => i.state === 'unknown').length,
        }
        // The admin decides each review: the object it lists and nobody holds, else "nothing was made".
        const taken = new Set(owned)
        for (const i of review) {
          const pick = i.candidates.find((c: string) => unclaimed.includes(c) && !taken.has(c))
          const decided = pick
            ? await admin.post(`/api/admin/intents/${i.id}/attach`, { upstream_id: pick })
            : await admin.post(`/api/admin/intents/${i.id}/nothing-created`)
          expect(decided.status, JSON.stringify(decided.body)).toBe(200)
          if (pick) taken.add(pick)
          else expect(decided.body.state).toBe('failed')
        }
        expect([...taken].sort(), JSON.stringify({ created, final })).toEqual([...created].sort())
      }, 90_000)
    }
  }
})

/** Two creates one after the other, the first hit by an HTML page, the second losing its answer after the create. */
async function htmlThenLostAnswer(type: ProviderType, prefix: string) {
  for (const fault of [{ html: true }, { reset: true, afterEffect: true }]) {
    await sandboxAdmin('/faults', 'POST', { provider: type, method: 'POST', count: 1, ...CREATE_PATH[type], ...fault })
  }
  try {
    const a = await admin.post('/api/servers', createBody(type, uniqueHost(`${prefix}a`)), { 'idempotency-key': crypto.randomUUID() })
    const b = await admin.post('/api/servers', createBody(type, uniqueHost(`${prefix}b`)), { 'idempotency-key': crypto.randomUUID() })
    return [a, b] as const
  }
  finally { await sandboxAdmin(`/faults?provider=${type}`, 'DELETE') }
}

describe('never someone else\'s server', () => {
  it('inferno: two lost answers while another create is still unknown go to review, nothing assigned twice', async () => {
    // A: HTML before the provider acts (unknown, made nothing). B: created, answer lost.
    // Inferno orders carry no name: B's new order could be A's or B's, so B is not guessed either.
    const before = await upstreamIds('inferno')
    const [a, b] = await htmlThenLostAnswer('inferno', 'inf')
    const ids = [a.body.intent.id, b.body.intent.id]
    await expect.poll(async () => (await intentsById(ids)).map(i => i.state).sort(), { timeout: 45_000, interval: 500 }).toEqual(['needs_review', 'needs_review'])
    const created = (await upstreamIds('inferno')).filter(id => !before.includes(id))
    expect(created).toHaveLength(1)
    const [ia, ib] = [(await admin.get(`/api/admin/intents/${ids[0]}`)).body, (await admin.get(`/api/admin/intents/${ids[1]}`)).body]
    expect(ia.upstream_id).toBeNull()
    expect(ib.upstream_id).toBeNull()
    expect(ib.candidates).toEqual(created)
    const notes = (await admin.get('/api/notifications')).body.items
    expect(notes.some((n: any) => n.link === `/admin/intents?id=${ib.id}` && n.body.includes(created[0]))).toBe(true)

    // The admin attaches the order to B; it cannot also go to A; A made nothing.
    const attached = await admin.post(`/api/admin/intents/${ib.id}/attach`, { upstream_id: created[0] })
    expect(attached.status, JSON.stringify(attached.body)).toBe(200)
    expect(attached.body).toMatchObject({ state: 'reconciled', upstream_id: created[0], how: 'admin' })
    const twice = await admin.post(`/api/admin/intents/${ia.id}/attach`, { upstream_id: created[0] })
    expect(twice.status).toBe(409)
    expect((await admin.post(`/api/admin/intents/${ia.id}/attach`, { upstream_id: '999999' })).status).toBe(404)
    expect((await admin.post(`/api/admin/intents/${ia.id}/nothing-created`)).body.state).toBe('failed')
    // The server is in the inventory now, owned like any other create.
    const listed = (await admin.get('/api/servers?account=inferno&per_page=100')).body.items
    expect(listed.filter((s: any) => s.upstream_id === created[0])).toHaveLength(1)
  }, 90_000)

  it('virtfusion: a lost answer is settled by the marker on the server, even with another unknown create', async () => {
    const since = Date.now()
    const [a, b] = await htmlThenLostAnswer('virtfusion', 'vf')
    expect(a.body.intent.state).toBe('unknown')
    expect(b.body.intent.state).toBe('reconciled')
    const creates = (await upstreamRequests('virtfusion', since)).filter(r => r.method === 'POST' && r.path === '/servers')
    expect(creates.map(r => r.body.name)).toEqual([expect.stringMatching(/^eo-[0-9a-f]{12}$/), expect.stringMatching(/^eo-[0-9a-f]{12}$/)])
    expect(b.body.server.upstream_id).toEqual(expect.any(String))
    await expect.poll(async () => (await admin.get(`/api/admin/intents/${a.body.intent.id}`)).body.state, { timeout: 45_000, interval: 500 }).toBe('needs_review')
    await admin.post(`/api/admin/intents/${a.body.intent.id}/nothing-created`)
  }, 90_000)
})

describe('keyless requests (the seed contract)', () => {
  it('POST …/vms without Idempotency-Key creates; a double submit creates one', async () => {
    const since = Date.now()
    const body = { plan: 'hostingercom-vps-kvm1-usd-1m', data_center_id: 19, template: '1077', password: 'Sandb0x-Passw0rd', hostname: uniqueHost('keyless') }
    const [r1, r2] = await Promise.all([admin.post('/api/hosting/providers/hostinger/vms', body), admin.post('/api/hosting/providers/hostinger/vms', body)])
    expect([r1.status, r2.status].sort(), JSON.stringify([r1.body, r2.body])).toEqual([200, 201])
    expect(r1.body.id).toBe(r2.body.id)
    expect(r1.headers.get('intent-id')).toBe(r2.headers.get('intent-id'))
    const creates = (await upstreamRequests('hostinger', since)).filter(r => r.method === 'POST' && r.path === '/api/vps/v1/virtual-machines')
    expect(creates).toHaveLength(1)
    // A different body is a different request.
    const other = await admin.post('/api/hosting/providers/hostinger/vms', { ...body, hostname: uniqueHost('keyless2') })
    expect(other.status).toBe(201)
    expect(other.body.id).not.toBe(r1.body.id)
  })

  it('POST …/domains/purchase without Idempotency-Key buys; a double submit buys once', async () => {
    const since = Date.now()
    const domain = `keyless-${Date.now().toString(36)}.com`
    const [r1, r2] = await Promise.all([0, 1].map(() => admin.post('/api/hosting/providers/hostinger/domains/purchase', { domain })))
    expect([r1!.status, r2!.status], JSON.stringify([r1!.body, r2!.body])).toEqual([201, 201])
    expect(r1!.body).toEqual(r2!.body)
    expect(r1!.headers.get('intent-id')).toBe(r2!.headers.get('intent-id'))
    const buys = (await upstreamRequests('hostinger', since)).filter(r => r.method === 'POST' && r.path === '/api/domains/v1/portfolio' && r.body?.domain === domain)
    expect(buys).toHaveLength(1)
  })
})

describe('only outcomes are replayed', () => {
  it('a purchase answered 429 is not the key\'s answer: the same key then buys, exactly once', async () => {
    const domain = `ratelimited-${Date.now().toString(36)}.com`
    const key = crypto.randomUUID()
    await sandboxAdmin('/faults', 'POST', { provider: 'hostinger', method: 'POST', match: 'portfolio', status: 429, count: 1 })
    try {
      const first = await admin.post('/api/hosting/providers/hostinger/domains/purchase', { domain }, { 'idempotency-key': key })
      expect(first.status).toBe(429)
    }
    finally { await sandboxAdmin('/faults?provider=hostinger', 'DELETE') }
    const second = await admin.post('/api/hosting/providers/hostinger/domains/purchase', { domain }, { 'idempotency-key': key })
    expect(second.status, JSON.stringify(second.body)).toBe(201)
    expect(second.body.name).toBe(domain)
    const third = await admin.post('/api/hosting/providers/hostinger/domains/purchase', { domain }, { 'idempotency-key': key })
    expect(third.status).toBe(201)
    expect(third.headers.get('idempotent-replayed')).toBe('true')
    const portfolio = (await admin.get('/api/hosting/providers/hostinger/domains')).body.filter((d: any) => d.name === domain)
    expect(portfolio).toHaveLength(1)
  })
})
