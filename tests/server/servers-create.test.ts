/** Exactly-once create: intents, concurrent twins, lost answers, and create → install → running. */
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, adminClient, customerClient, sandboxAdmin } from './helpers'
import { TYPES, allServers, configureSandboxAccounts, createBody, syncAll, uniqueHost, upstream, upstreamRequests, waitForServer } from './servers-helpers'

let admin: Client
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb3Lq0cKXc5m0pTn9o1vG8y9Dqz6VY0o6XrTq0Wm5Zb create-test@example'

/** The POSTs that buy a server, per provider, in the sandbox's request log. */
function isCreate(type: string, r: any) {
  if (r.method !== 'POST') return false
  switch (type) {
    case 'virtfusion': return r.path === '/servers'
    case 'virtua': return r.path === '/cloud/order'
    case 'hostinger': return r.path === '/api/vps/v1/virtual-machines'
    default: return r.query.action === 'create'
  }
}

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  await syncAll(admin)
})

describe('POST /api/servers', () => {
  for (const type of TYPES) {
    it(`${type}: creates, installs in the background and reaches running`, async () => {
      const since = Date.now()
      const hostname = uniqueHost(type.slice(0, 3))
      const key = crypto.randomUUID()
      const r = await admin.post('/api/servers', createBody(type, hostname), { 'idempotency-key': key })
      expect(r.status, JSON.stringify(r.body)).toBe(202)
      expect(r.body.intent).toMatchObject({ id: expect.any(String), state: 'succeeded' })
      const server = r.body.server
      expect(server).toMatchObject({ account: { slug: type, type }, gone: false, owner: { email: 'admin@example.com' } })
      if (type === 'virtfusion' || type === 'inferno') expect(server.needs_install).toBe(true)

      const running = await waitForServer(admin, server.id, s => s.status === 'running' && !s.needs_install, 45_000)
      expect(running.upstream_id).toBe(server.upstream_id)
      if (type === 'virtfusion') expect(running.name).toBe(hostname)
      if (type === 'inferno') expect(running.ipv4.length).toBe(1)

      const again = await admin.post('/api/servers', createBody(type, hostname), { 'idempotency-key': key })
      expect(again.status).toBe(200)
      expect(again.body.server.id).toBe(server.id)
      const creates = (await upstreamRequests(type, since)).filter(x => isCreate(type, x))
      expect(creates).toHaveLength(1)
      if (type === 'virtfusion') {
        const builds = (await upstreamRequests(type, since)).filter(x => x.method === 'POST' && x.path === `/servers/${server.upstream_id}/build`)
        expect(builds).toHaveLength(1)
        expect(builds[0].body).toMatchObject({ operatingSystemId: 46, hostname })
      }
      if (type === 'inferno') {
        const installs = (await upstreamRequests(type, since)).filter(x => x.method === 'POST' && x.query.action === 'install' && x.body?.run === 1)
        expect(installs).toHaveLength(1)
      }
    })
  }

  it('refuses the same key with another body (422), a malformed key (400), bad input (400) and customers (403)', async () => {
    const key = crypto.randomUUID()
    const body = createBody('hostinger', uniqueHost('h422'))
    expect((await admin.post('/api/servers', body, { 'idempotency-key': key })).status).toBe(202)
    const other = await admin.post('/api/servers', { ...body, plan: 'hostingercom-vps-kvm2-usd-1m' }, { 'idempotency-key': key })
    expect(other.status).toBe(422)
    expect(other.body).toMatchObject({ code: 'idempotency_key_reused', error: expect.stringMatching(/Idempotency-Key/) })
    const badKey = await admin.post('/api/servers', createBody('hostinger', uniqueHost('badkey')), { 'idempotency-key': 'short' })
    expect(badKey.status).toBe(400)
    expect(badKey.body).toMatchObject({ code: 'idempotency_key_invalid', error: expect.stringMatching(/Idempotency-Key/) })
    const bad = await admin.post('/api/servers', { ...createBody('hostinger', 'not a hostname!'), surprise: 1 }, { 'idempotency-key': crypto.randomUUID() })
    expect(bad.status).toBe(400)
    const unknownAccount = await admin.post('/api/servers', createBody('hostinger', uniqueHost('x'), { account: 'nope' }), { 'idempotency-key': crypto.randomUUID() })
    expect(unknownAccount.status).toBe(404)
    const { client: cust } = await customerClient(admin)
    expect((await cust.post('/api/servers', createBody('hostinger', uniqueHost('c')), { 'idempotency-key': crypto.randomUUID() })).status).toBe(403)
  })

  it('a provider refusal fails the create (no server), and the same key may then try again', async () => {
    const since = Date.now()
    const key = crypto.randomUUID()
    const body = createBody('virtfusion', uniqueHost('vfbad'), { plan: '999' })
    const r = await admin.post('/api/servers', body, { 'idempotency-key': key })
    expect(r.status).toBe(400)
    expect(r.body.provider).toBe('VirtFusion')
    const again = await admin.post('/api/servers', body, { 'idempotency-key': key })
    expect(again.status).toBe(400)
    // A refusal is not the key's answer: the second request was sent again.
    expect((await upstreamRequests('virtfusion', since)).filter(x => isCreate('virtfusion', x))).toHaveLength(2)
  })

  it('gives an owner on request, or none', async () => {
    const { user } = await customerClient(admin, 'Owen Owner')
    const r = await admin.post('/api/servers', createBody('hostinger', uniqueHost('own'), { owner_id: user.id }), { 'idempotency-key': crypto.randomUUID() })
    expect(r.status).toBe(202)
    expect(r.body.server.owner).toMatchObject({ id: user.id })
    const none = await admin.post('/api/servers', createBody('hostinger', uniqueHost('none'), { owner_id: null }), { 'idempotency-key': crypto.randomUUID() })
    expect(none.body.server.owner).toBeNull()
  })

  it('pushes SSH keys the provider lacks, once, and installs with them', async () => {
    const since = Date.now()
    const r = await admin.post('/api/servers', createBody('virtfusion', uniqueHost('vfkey'), { ssh_keys: [{ name: 'create test', public_key: KEY }] }), { 'idempotency-key': crypto.randomUUID() })
    expect(r.status, JSON.stringify(r.body)).toBe(202)
    await waitForServer(admin, r.body.server.id, s => s.status === 'running' && !s.needs_install, 45_000)
    const keys = await upstream('virtfusion', 'GET', '/ssh_keys/user/1')
    const pushed = keys.body.data.filter((k: any) => k.publicKey?.includes('AAAAIGb3Lq0cKXc5m0pTn9o1vG8y9Dqz6VY0o6XrTq0Wm5Zb'))
    expect(pushed).toHaveLength(1)
    const build = (await upstreamRequests('virtfusion', since)).find(x => x.method === 'POST' && x.path.endsWith('/build'))
    expect(build.body.sshKeys).toEqual([pushed[0].id])
    // A second server with the same key reuses it upstream.
    const r2 = await admin.post('/api/servers', createBody('virtfusion', uniqueHost('vfkey2'), { ssh_keys: [{ name: 'renamed', public_key: KEY }] }), { 'idempotency-key': crypto.randomUUID() })
    expect(r2.status).toBe(202)
    const after = await upstream('virtfusion', 'GET', '/ssh_keys/user/1')
    expect(after.body.data.filter((k: any) => k.publicKey?.includes('AAAAIGb3Lq0cKXc5m0pTn9o1vG8y9Dqz6VY0o6XrTq0Wm5Zb'))).toHaveLength(1)
    const bad = await admin.post('/api/servers', createBody('virtfusion', uniqueHost('vfkey3'), { ssh_keys: [{ name: 'x', public_key: 'ssh-rsa nope' }] }), { 'idempotency-key': crypto.randomUUID() })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatch(/ssh_keys/)
  })
})

describe('exactly once', () => {
  it('20 concurrent identical requests make one upstream create and all get the same server', async () => {
    const since = Date.now()
    const key = crypto.randomUUID()
    const body = createBody('hostinger', uniqueHost('twenty'))
    const answers = await Promise.all(Array.from({ length: 20 }, () => admin.post('/api/servers', body, { 'idempotency-key': key })))
    const statuses = answers.map(a => a.status).sort()
    expect(statuses.filter(s => s === 202)).toHaveLength(1)
    expect(statuses.filter(s => s === 200)).toHaveLength(19)
    const ids = new Set(answers.map(a => a.body.server?.id))
    expect(ids.size).toBe(1)
    expect([...ids][0]).toEqual(expect.any(String))
    const creates = (await upstreamRequests('hostinger', since)).filter(x => isCreate('hostinger', x))
    expect(creates).toHaveLength(1)
    const vms = (await upstream('hostinger', 'GET', '/api/vps/v1/virtual-machines')).body.filter((v: any) => v.hostname === body.hostname)
    expect(vms).toHaveLength(1)
    const listed = (await allServers(admin, `q=${body.hostname}`)).items
    expect(listed).toHaveLength(1)
  })

  for (const type of ['hostinger', 'virtfusion'] as const) {
    it(`${type}: a create whose answer is lost is settled by look-up, with exactly one server`, async () => {
      const since = Date.now()
      const path = type === 'hostinger' ? '/api/vps/v1/virtual-machines' : '/servers'
      await sandboxAdmin('/faults', 'POST', { provider: type, hangAfter: true, count: 1, match: path, method: 'POST' })
      try {
        const body = createBody(type, uniqueHost(`lost${type.slice(0, 2)}`))
        const key = crypto.randomUUID()
        const r = await admin.post('/api/servers', body, { 'idempotency-key': key })
        expect(r.status, JSON.stringify(r.body)).toBe(202)
        expect(r.body.intent.state).toBe('reconciled')
        const creates = (await upstreamRequests(type, since)).filter(x => isCreate(type, x))
        expect(creates).toHaveLength(1)
        const running = await waitForServer(admin, r.body.server.id, s => s.status === 'running' && !s.needs_install, 45_000)
        expect(running.name).toBe(body.hostname)
        expect((await allServers(admin, `q=${body.hostname}`)).items).toHaveLength(1)
        const again = await admin.post('/api/servers', body, { 'idempotency-key': key })
        expect(again.body.server.id).toBe(r.body.server.id)
        expect((await upstreamRequests(type, since)).filter(x => isCreate(type, x))).toHaveLength(1)
      }
      finally {
        await sandboxAdmin(`/faults?provider=${type}`, 'DELETE')
      }
    })
  }

  it('a create that never reached the provider is unknown (no server), never sent again, and ends in review', async () => {
    const since = Date.now()
    await sandboxAdmin('/faults', 'POST', { provider: 'hostinger', hang: true, count: 1, match: '/api/vps/v1/virtual-machines', method: 'POST' })
    try {
      const body = createBody('hostinger', uniqueHost('never'))
      const key = crypto.randomUUID()
      const r = await admin.post('/api/servers', body, { 'idempotency-key': key })
      expect(r.status).toBe(202)
      expect(r.body).toMatchObject({ server: null, intent: { state: 'unknown' } })
      const again = await admin.post('/api/servers', body, { 'idempotency-key': key })
      expect(again.body).toMatchObject({ server: null, intent: { id: r.body.intent.id, state: expect.stringMatching(/^(unknown|needs_review)$/) } })
      expect((await upstreamRequests('hostinger', since)).filter(x => isCreate('hostinger', x))).toHaveLength(1)
      const vms = (await upstream('hostinger', 'GET', '/api/vps/v1/virtual-machines')).body.filter((v: any) => v.hostname === body.hostname)
      expect(vms).toHaveLength(0)
      // No evidence ever appears: past the deadline an admin is asked, and nothing is assigned.
      await expect.poll(async () => (await admin.get(`/api/admin/intents/${r.body.intent.id}`)).body.state, { timeout: 30_000, interval: 500 }).toBe('needs_review')
      const decided = await admin.post(`/api/admin/intents/${r.body.intent.id}/nothing-created`)
      expect(decided.body).toMatchObject({ state: 'failed', upstream_id: null })
    }
    finally {
      await sandboxAdmin('/faults?provider=hostinger', 'DELETE')
    }
  })
})
