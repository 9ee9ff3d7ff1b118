/** The server inventory: listing, filters, paging, one server, owners, drift and failing accounts. */
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, adminClient, customerClient, sandboxAdmin } from './helpers'
import { TYPES, allServers, configureSandboxAccounts, syncAll, upstream } from './servers-helpers'

let admin: Client

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  await syncAll(admin)
})

describe('GET /api/servers', () => {
  it('lists every account\'s servers from the inventory with each account\'s freshness', async () => {
    // By the slug this suite configured: another suite may have connected a second account of a type.
    const body = await allServers(admin)
    for (const t of TYPES) expect(body.items.some((s: any) => s.account.type === t), t).toBe(true)
    expect(body.items.find((s: any) => s.account.slug === 'virtfusion' && s.upstream_id === '101')).toMatchObject({
      name: 'web-1.example.com', status: 'running', ipv4: ['203.0.113.11', '203.0.113.12'], vcpus: 2, memory_mb: 4096,
      gone: false, admin_locked: false, needs_install: false,
    })
    const hostinger = body.items.find((s: any) => s.account.slug === 'hostinger' && s.upstream_id === '1268054')
    expect(hostinger).toMatchObject({ status: 'running', account: { slug: 'hostinger', type: 'hostinger' } })
    // Rows are lean: capabilities once per account (below), the raw record on the detail route only.
    for (const s of body.items) {
      expect(s).not.toHaveProperty('capabilities')
      expect(s).not.toHaveProperty('extra')
    }
    expect((await admin.get(`/api/servers/${hostinger.id}`)).body).toMatchObject({ capabilities: { destroy: { supported: false } }, extra: expect.anything() })
    expect(body.accounts.find((x: any) => x.slug === 'hostinger').capabilities).toMatchObject({ destroy: { supported: false } })
    expect(body.accounts.find((x: any) => x.slug === 'virtfusion').capabilities).toMatchObject({ power: { supported: true } })
    for (const t of TYPES) {
      const a = body.accounts.find((x: any) => x.slug === t)
      expect(a, t).toMatchObject({ type: t, last_error: null, stale: false })
      expect(Date.parse(a.last_success_at)).toBeGreaterThan(Date.now() - 120_000)
      expect(a.server_count).toBeGreaterThan(0)
    }
    expect(body).toMatchObject({ page: 1, per_page: 100 })
    expect(body.total).toBe(body.items.length)
  })

  it('filters by provider, account, status and text, in SQL', async () => {
    const vf = await allServers(admin, 'provider=virtfusion')
    expect(vf.items.length).toBeGreaterThanOrEqual(3)
    expect(vf.items.every((s: any) => s.account.type === 'virtfusion')).toBe(true)
    const acct = await allServers(admin, 'account=inferno')
    expect(acct.items.length).toBeGreaterThan(0)
    expect(acct.items.every((s: any) => s.account.slug === 'inferno')).toBe(true)
    const stopped = await allServers(admin, 'status=stopped')
    expect(stopped.items.length).toBeGreaterThan(0)
    expect(stopped.items.every((s: any) => s.status === 'stopped')).toBe(true)
    const two = await allServers(admin, 'status=stopped,suspended')
    expect(two.items.some((s: any) => s.status === 'suspended')).toBe(true)
    expect(two.total).toBeGreaterThan(stopped.total)
    const text = await allServers(admin, 'q=203.0.113.21')
    expect(text.items.map((s: any) => s.name)).toContain('db-1.example.com')
    // Wildcards are taken literally.
    expect((await allServers(admin, 'q=%25')).total).toBe(0)
    // Other suites may connect a second account of the same type to the same sandbox: each shows it once.
    const both = await allServers(admin, 'provider=hostinger&q=web-1')
    expect(both.items.length).toBeGreaterThan(0)
    expect(both.items.every((s: any) => s.account.type === 'hostinger' && s.upstream_id === '1268054')).toBe(true)
    expect(new Set(both.items.map((s: any) => s.account.slug)).size).toBe(both.items.length)
  })

  it('sorts and pages', async () => {
    const all = await allServers(admin, 'sort=name')
    const names = all.items.map((s: any) => s.name.toLowerCase())
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)))
    const desc = await allServers(admin, 'sort=-name')
    expect(desc.items.map((s: any) => s.name.toLowerCase())).toEqual([...names].reverse())
    const byProvider = await allServers(admin, 'sort=provider')
    const types = byProvider.items.map((s: any) => s.account.type)
    expect(types).toEqual([...types].sort())
    const created = (await allServers(admin, 'sort=-created_at')).items.map((s: any) => Date.parse(s.created_at))
    expect(created).toEqual([...created].sort((a, b) => b - a))

    const p1 = (await admin.get('/api/servers?per_page=2&page=1&sort=name')).body
    const p2 = (await admin.get('/api/servers?per_page=2&page=2&sort=name')).body
    expect(p1.items).toHaveLength(2)
    expect(p1.total).toBe(all.total)
    expect(p2.items.map((s: any) => s.id)).toEqual(all.items.slice(2, 4).map((s: any) => s.id))
    const beyond = (await admin.get(`/api/servers?per_page=100&page=999`)).body
    expect(beyond).toMatchObject({ items: [], total: all.total, page: 999, next_cursor: null })
  })

  it('pages by cursor in every sort, the same rows as one big page, each once', async () => {
    for (const sort of ['name', '-name', 'status', '-status', 'created_at', '-created_at', 'provider', '-provider']) {
      const all = await allServers(admin, `sort=${sort}`)
      const walked: string[] = []
      let cursor: string | null = null
      for (let i = 0; i < 1000; i++) {
        const r: { status: number, body: any } = await admin.get(`/api/servers?per_page=3&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`)
        expect(r.status, JSON.stringify(r.body)).toBe(200)
        expect(r.body.total, sort).toBe(all.total)
        walked.push(...r.body.items.map((s: any) => s.id))
        cursor = r.body.next_cursor
        if (!cursor) break
      }
      expect(walked, sort).toEqual(all.items.map((s: any) => s.id))
    }
    // A cursor works with filters too, and is refused for another sort or when forged.
    const stopped = await allServers(admin, 'status=stopped,suspended,running')
    const first = (await admin.get('/api/servers?per_page=1&status=stopped,suspended,running')).body
    const second = (await admin.get(`/api/servers?per_page=1&status=stopped,suspended,running&cursor=${first.next_cursor}`)).body
    expect([...first.items, ...second.items].map((s: any) => s.id)).toEqual(stopped.items.slice(0, 2).map((s: any) => s.id))
    const other = await admin.get(`/api/servers?per_page=1&sort=-name&cursor=${first.next_cursor}`)
    expect(other.status).toBe(400)
    expect(other.body.code).toBe('invalid_cursor')
    expect((await admin.get('/api/servers?cursor=bm90LWEtY3Vyc29y')).status).toBe(400)
  })

  it('keeps totals right as servers change owner, status and go away (maintained counters)', async () => {
    const { user } = await customerClient(admin, 'Count Owner')
    const before = await allServers(admin)
    const target = before.items[0]
    const owned = async () => (await allServers(admin, `owner=${user.id}`)).total
    const unowned = async () => (await allServers(admin, 'owner=none')).total
    const none0 = await unowned()
    expect(await owned()).toBe(0)
    expect((await admin.patch(`/api/servers/${target.id}`, { owner_id: user.id })).status).toBe(200)
    expect(await owned()).toBe(1)
    expect(await unowned()).toBe(none0 - (target.owner ? 0 : 1))
    const byStatus = await allServers(admin, `status=${target.status}`)
    expect(byStatus.total).toBe(byStatus.items.length)
    expect((await admin.patch(`/api/servers/${target.id}`, { owner_id: null })).status).toBe(200)
    expect(await owned()).toBe(0)
    expect((await allServers(admin)).total).toBe(before.total)
  })

  it('refuses bad query parameters with 400', async () => {
    for (const q of ['per_page=101', 'per_page=0', 'page=abc', 'sort=size', 'status=melting', 'owner=someone', 'provider=aws']) {
      const r = await admin.get(`/api/servers?${q}`)
      expect(r.status, q).toBe(400)
      expect(r.body.error, q).toMatch(/Invalid query/)
    }
  })
})

describe('one server, owners and customers', () => {
  it('reads one server, re-reads it upstream with refresh=1, and answers 404/400 for bad ids', async () => {
    const list = await allServers(admin, 'provider=virtua')
    // One still there upstream: other files delete servers, and a gone one has nothing to re-read.
    const s = list.items.find((x: any) => !x.gone)
    const one = await admin.get(`/api/servers/${s.id}`)
    expect(one.status).toBe(200)
    expect(one.body).toMatchObject({ id: s.id, upstream_id: s.upstream_id, account: { type: 'virtua' } })
    const before = Date.parse(one.body.last_synced_at)
    // A re-read upstream stamps a newer sync time (asked again should two land in one millisecond).
    await expect.poll(async () => {
      const fresh = await admin.get(`/api/servers/${s.id}?refresh=1`)
      expect(fresh.status).toBe(200)
      return Date.parse(fresh.body.last_synced_at)
    }).toBeGreaterThan(before)
    expect((await admin.get('/api/servers/00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await admin.get('/api/servers/not-a-uuid')).status).toBe(400)
  })

  it('assigns servers to customers, who see only their own (others get 404)', async () => {
    const { client: cora, user: coraUser } = await customerClient(admin, 'Cora Owner')
    const { client: dave } = await customerClient(admin, 'Dave Other')
    const target = (await allServers(admin, 'account=virtfusion')).items.find((s: any) => s.upstream_id === '102')
    const patched = await admin.patch(`/api/servers/${target.id}`, { owner_id: coraUser.id })
    expect(patched.status).toBe(200)
    expect(patched.body.owner).toEqual({ id: coraUser.id, name: 'Cora Owner', email: coraUser.email })

    const mine = await cora.get('/api/servers')
    expect(mine.status).toBe(200)
    expect(mine.body.items.map((s: any) => s.id)).toEqual([target.id])
    // No accounts for a customer (white label): each row carries its capabilities in our words.
    expect(mine.body.accounts).toEqual([])
    expect(mine.body.items[0].capabilities).toEqual(expect.objectContaining({ power: expect.anything() }))
    expect(mine.body.items[0]).not.toHaveProperty('account')
    expect(mine.body.items[0]).not.toHaveProperty('extra')
    expect((await cora.get(`/api/servers/${target.id}`)).status).toBe(200)
    // Filters cannot widen a customer's view.
    expect((await cora.get(`/api/servers?owner=none`)).body.items).toEqual([])

    expect((await dave.get('/api/servers')).body.items).toEqual([])
    expect((await dave.get(`/api/servers/${target.id}`)).status).toBe(404)
    expect((await dave.get(`/api/servers/${target.id}?refresh=1`)).status).toBe(404)
    expect((await dave.patch(`/api/servers/${target.id}`, { owner_id: null })).status).toBe(403)
    expect((await dave.post('/api/servers/sync', {})).status).toBe(403)

    const owned = await allServers(admin, `owner=${coraUser.id}`)
    expect(owned.items.map((s: any) => s.id)).toEqual([target.id])
    expect((await allServers(admin, 'owner=none')).items.some((s: any) => s.id === target.id)).toBe(false)

    // A sync never takes an owner away.
    await syncAll(admin, 'virtfusion')
    expect((await admin.get(`/api/servers/${target.id}`)).body.owner.id).toBe(coraUser.id)

    expect((await admin.patch(`/api/servers/${target.id}`, { owner_id: '00000000-0000-4000-8000-000000000000' })).status).toBe(400)
    const unassigned = await admin.patch(`/api/servers/${target.id}`, { owner_id: null })
    expect(unassigned.body.owner).toBeNull()
    expect((await cora.get(`/api/servers/${target.id}`)).status).toBe(404)
  })

  it('locks a server for its customer and unlocks it', async () => {
    const target = (await allServers(admin, 'provider=inferno')).items[0]
    const locked = await admin.patch(`/api/servers/${target.id}`, { admin_locked: true, lock_reason: 'unpaid invoice' })
    expect(locked.body).toMatchObject({ admin_locked: true, lock_reason: 'unpaid invoice' })
    const unlocked = await admin.patch(`/api/servers/${target.id}`, { admin_locked: false })
    expect(unlocked.body).toMatchObject({ admin_locked: false, lock_reason: null })
    expect((await admin.patch(`/api/servers/${target.id}`, {})).status).toBe(400)
  })
})

describe('sync and drift', () => {
  it('queues a sync, or runs it and reports the accounts with wait', async () => {
    expect((await admin.post('/api/servers/sync', {})).body).toEqual({ status: 'queued' })
    const one = await syncAll(admin, 'virtua')
    expect(one.status).toBe('synced')
    expect(one.accounts.map((a: any) => a.slug)).toEqual(['virtua'])
    expect((await admin.post('/api/servers/sync', { account: 'nope', wait: true })).status).toBe(404)
  })

  it('shows a server created outside the panel as unassigned, and marks one deleted upstream as gone', async () => {
    const made = await upstream('virtfusion', 'POST', '/servers', { packageId: 1, userId: 1, hypervisorId: 1 })
    expect(made.status).toBe(201)
    const upstreamId = String(made.body.data.id)
    await syncAll(admin, 'virtfusion')
    const found = (await allServers(admin, 'account=virtfusion')).items.find((s: any) => s.upstream_id === upstreamId)
    expect(found).toMatchObject({ owner: null, gone: false, status: 'pending', needs_install: true, raw_status: 'allocated' })
    expect((await allServers(admin, 'owner=none')).items.some((s: any) => s.id === found.id)).toBe(true)

    expect((await upstream('virtfusion', 'DELETE', `/servers/${upstreamId}?delay=0`)).status).toBe(204)
    await syncAll(admin, 'virtfusion')
    const gone = await admin.get(`/api/servers/${found.id}`)
    expect(gone.status).toBe(200)
    expect(gone.body).toMatchObject({ gone: true, needs_install: false })
    expect(Date.parse(gone.body.gone_at)).toBeGreaterThan(Date.now() - 60_000)
    expect(gone.body.ipv4).toEqual([])
    expect(gone.body.ipv6).toEqual([])
    // The inventory leaves it out; `deleted=true` lists only the deleted ones, without addresses.
    const live = await allServers(admin, 'provider=virtfusion')
    expect(live.items.some((s: any) => s.id === found.id)).toBe(false)
    expect(live.items.every((s: any) => !s.gone)).toBe(true)
    expect(live.total).toBe(live.items.length)
    const deleted = await allServers(admin, 'provider=virtfusion&deleted=true')
    expect(deleted.items.find((s: any) => s.id === found.id)).toMatchObject({ gone: true, ipv4: [], ipv6: [] })
    expect(deleted.items.every((s: any) => s.gone)).toBe(true)
    expect(deleted.total).toBe(deleted.items.length)
    expect((await admin.get('/api/servers?deleted=maybe')).status).toBe(400)
    const summary = (await syncAll(admin, 'virtfusion')).accounts[0]
    expect(summary.server_count).toBe(live.total)
  })

  it('records a failing account\'s error and keeps listing the others', async () => {
    const before = await allServers(admin)
    await sandboxAdmin('/faults', 'POST', { provider: 'hostinger', status: 500, count: 20 })
    try {
      const r = await syncAll(admin)
      const h = r.accounts.find((a: any) => a.slug === 'hostinger')
      expect(h).toMatchObject({ stale: true })
      expect(h.last_error).toMatch(/Hostinger/)
      for (const t of TYPES.filter(t => t !== 'hostinger')) expect(r.accounts.find((a: any) => a.slug === t)).toMatchObject({ last_error: null, stale: false })
      const list = await allServers(admin)
      // Hostinger's servers stay as last seen, not gone.
      expect(list.items.filter((s: any) => s.account.type === 'hostinger' && !s.gone).length)
        .toBe(before.items.filter((s: any) => s.account.type === 'hostinger' && !s.gone).length)
      expect(list.accounts.find((a: any) => a.slug === 'hostinger').last_error).toMatch(/Hostinger/)
      const notes = await admin.get('/api/notifications')
      // The account's display name depends on which file configured it last ("Hostinger", "Hostinger (sandbox)").
      expect(notes.body.items.some((n: any) => /^Server sync failed: Hostinger/.test(n.title))).toBe(true)
    }
    finally {
      await sandboxAdmin('/faults?provider=hostinger', 'DELETE')
    }
    const healed = await syncAll(admin, 'hostinger')
    expect(healed.accounts[0]).toMatchObject({ last_error: null, stale: false })
  })
})
