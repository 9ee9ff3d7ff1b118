/**
 * Partial failure degrades, never blanks: one server whose details cannot be read during a sync
 * stays listed with its last known data and is marked (`detail_error`), and the mark clears once a
 * later sync reads it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, adminClient, customerClient, sandboxAdmin } from './helpers'
import { allServers, configureSandboxAccounts, syncAll } from './servers-helpers'

let admin: Client
// Running, so a sync reads its details live: with the sandbox back at its seed (a few servers,
// under the per-sync budget of live reads) every sync does.
const BROKEN = '101'

beforeAll(async () => {
  admin = await adminClient()
  await sandboxAdmin('/faults', 'DELETE')
  // Other files leave dozens of VirtFusion servers behind; only 25 are read live per sync.
  await sandboxAdmin('/reset', 'POST')
  await configureSandboxAccounts(admin)
  await syncAll(admin)
})

afterAll(async () => {
  await sandboxAdmin('/faults', 'DELETE')
})

describe('one server\'s details unreadable during a sync', () => {
  it('lists every server, marks only that one with the last known data, and clears the mark after a good sync', async () => {
    const before = (await allServers(admin, 'account=virtfusion')).items
    expect(before.length).toBeGreaterThanOrEqual(3)
    expect(before.filter((s: any) => s.detail_error)).toEqual([])
    const known = before.find((s: any) => s.upstream_id === BROKEN)
    expect(known).toMatchObject({ status: 'running', detail_error: null, detail_error_at: null })

    // Only GET /servers/101 (and its sub-paths) fails; the list call and the other servers answer.
    await sandboxAdmin('/faults', 'POST', { provider: 'virtfusion', status: 500, method: 'GET', match: `/servers/${BROKEN}`, count: 100 })
    const startedAt = Date.now()
    try {
      const sync = await syncAll(admin, 'virtfusion')
      expect(sync.accounts[0]).toMatchObject({ slug: 'virtfusion', last_error: null })

      const during = (await allServers(admin, 'account=virtfusion')).items
      expect(during.map((s: any) => s.id).sort()).toEqual(before.map((s: any) => s.id).sort())
      const marked = during.filter((s: any) => s.detail_error)
      expect(marked.map((s: any) => s.upstream_id)).toEqual([BROKEN])
      const broken = marked[0]
      expect(broken.detail_error).toMatch(/\S/)
      expect(Date.parse(broken.detail_error_at)).toBeGreaterThanOrEqual(startedAt - 1000)
      // The last known data, not the stand-in's blanks.
      expect(broken).toMatchObject({ name: known.name, status: known.status, ipv4: known.ipv4, vcpus: known.vcpus, memory_mb: known.memory_mb, gone: false })

      // The detail answer carries the same mark.
      const detail = await admin.get(`/api/servers/${broken.id}`)
      expect(detail.status).toBe(200)
      expect(detail.body).toMatchObject({ detail_error: broken.detail_error, detail_error_at: broken.detail_error_at })

      // A customer who owns it sees the mark, without the upstream's own words.
      const { client: customer, user } = await customerClient(admin)
      expect((await admin.patch(`/api/servers/${broken.id}`, { owner_id: user.id })).status).toBe(200)
      try {
        const mine = (await allServers(customer)).items
        expect(mine.map((s: any) => s.id)).toEqual([broken.id])
        expect(mine[0]).toMatchObject({ detail_error: 'the provider did not answer', detail_error_at: broken.detail_error_at })
      }
      finally {
        expect((await admin.patch(`/api/servers/${broken.id}`, { owner_id: null })).status).toBe(200)
      }
    }
    finally {
      await sandboxAdmin('/faults?provider=virtfusion', 'DELETE')
    }

    await syncAll(admin, 'virtfusion')
    const after = (await allServers(admin, 'account=virtfusion')).items
    expect(after.map((s: any) => s.id).sort()).toEqual(before.map((s: any) => s.id).sort())
    expect(after.filter((s: any) => s.detail_error || s.detail_error_at)).toEqual([])
    expect((await admin.get(`/api/servers/${known.id}`)).body).toMatchObject({ detail_error: null, detail_error_at: null })
  })
})
