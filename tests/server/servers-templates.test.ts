import { beforeAll, describe, expect, it } from 'vitest'
import { adminClient, customerClient, type Client } from './helpers'
import { configureSandboxAccounts } from './servers-helpers'

let admin: Client
beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
})

describe('reinstall templates of one server', () => {
  it('are open to the server\'s owner and hidden from everyone else', async () => {
    const list = await admin.get('/api/servers?provider=virtua&per_page=100')
    const server = list.body.items.find((s: any) => !s.gone && s.status !== 'pending')
    expect(server, 'a settled Virtua server in the inventory').toBeTruthy()
    const owner = await customerClient(admin, 'Tess Templates')
    const other = await customerClient(admin, 'Otto Other')
    expect((await admin.patch(`/api/servers/${server.id}`, { owner_id: owner.user.id })).status).toBe(200)

    // The account-wide catalog stays admin-only…
    expect((await owner.client.get('/api/hosting/providers/virtua/templates')).status).toBe(403)
    // …but the server's own list answers its owner, with the same templates the admin sees.
    const mine = await owner.client.get(`/api/servers/${server.id}/templates`)
    expect(mine.status).toBe(200)
    expect(mine.body.length).toBeGreaterThan(0)
    expect(mine.body[0]).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String) }))
    const adminView = await admin.get(`/api/servers/${server.id}/templates`)
    expect(adminView.body.map((t: any) => t.id)).toEqual(mine.body.map((t: any) => t.id))

    expect((await other.client.get(`/api/servers/${server.id}/templates`)).status).toBe(404)
    expect((await owner.client.get('/api/servers/not-a-uuid/templates')).status).toBe(400)
    await admin.patch(`/api/servers/${server.id}`, { owner_id: null })
  })
})
