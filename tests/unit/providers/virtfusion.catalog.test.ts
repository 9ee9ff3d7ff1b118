/** VirtFusion adapter: connection test, catalog, SSH keys, users, unsupported groups. */
import { describe, expect, it } from 'vitest'
import { createAdapter } from '../../../server/providers/registry'
import type { VirtfusionAdapter } from '../../../server/providers/virtfusion'
import { adapter, reqs, sb, TOKEN } from './virtfusion-harness'
import { meta } from '../../../server/providers/virtfusion/metadata'
import { NotSupportedError } from '../../../server/providers/errors'
import { CAPABILITY_GROUPS } from '../../../server/providers/types'

// `ssh-keygen -lf` of the seeded key.
const SEED_FINGERPRINT = 'SHA256:yNLqYxUUQV4uMb7R0+cSzHYr1hHG5dgA07oH/YV9h/s'
const NEW_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICtqgqBdyKpxBcgoui5Rgq9NapmhNJXbQ19evenu+0SX ops@ci'

describe('VirtFusion connection test', () => {
  it('calls GET /connect and names the panel version', async () => {
    expect(await adapter().testConnection()).toEqual({ message: 'VirtFusion connection successful. Version: 6.1.0', version: '6.1.0', code: 'connected_version', params: { provider: 'VirtFusion', version: '6.1.0' } })
    expect(reqs()).toHaveLength(1)
    expect(reqs()[0]).toMatchObject({ method: 'GET', path: '/connect' })
    expect(reqs()[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`)
  })

  it('needs a base URL (self-hosted: there is no default)', async () => {
    const a = createAdapter('virtfusion', { slug: 'vf', credentials: { apiKey: TOKEN }, settings: {} }, { sleep: async () => {} })
    await expect(a.testConnection()).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('base URL') })
  })
})

describe('VirtFusion catalog', () => {
  it('lists hypervisor groups as data centers', async () => {
    expect(await adapter().listDatacenters()).toMatchObject([
      { id: '1', name: 'London', location: 'LON1', country: null },
      { id: '2', name: 'New York', location: 'NYC1', country: null },
    ])
    expect(reqs()[0]).toMatchObject({ method: 'GET', path: '/compute/hypervisors/groups', query: { results: '200', page: '1' } })
  })

  it('lists packages as plans, without prices', async () => {
    const plans = await adapter().listPlans()
    expect(plans.map(p => [p.id, p.name, p.vcpus, p.memoryMb, p.diskGb, p.price])).toEqual([
      ['1', 'VPS Small', 1, 1024, 20, null],
      ['2', 'VPS Medium', 2, 4096, 60, null],
      ['3', 'VPS Large', 4, 8192, 120, null],
    ])
    expect(reqs()[0]).toMatchObject({ method: 'GET', path: '/packages' })
  })

  it('lists the templates a server may install', async () => {
    const t = await adapter().listTemplates({ serverId: '101' })
    expect(t.map(x => x.id)).toEqual(['8', '46', '20', '21', '30'])
    expect(t[1]).toMatchObject({ id: '46', name: 'Debian 12 (Bookworm) Minimal', family: 'Debian' })
    expect(t[2]).toMatchObject({ name: 'Ubuntu Server 22.04 LTS', family: 'Ubuntu' })
    expect(reqs()[0]).toMatchObject({ method: 'GET', path: '/servers/101/templates' })
  })

  it('lists the templates of a package, and of every package when given neither', async () => {
    const a = adapter()
    expect((await a.listTemplates({ plan: '3' })).map(x => x.id)).toContain('40')
    expect(reqs()[0]).toMatchObject({ path: '/media/templates/fromServerPackageSpec/3' })
    sb.requests.length = 0
    const all = await a.listTemplates()
    expect(all.map(x => x.id).sort()).toEqual(['20', '21', '30', '40', '46', '8'])
    expect(reqs().map(r => r.path)).toEqual(['/packages', ...[1, 2, 3].map(n => `/media/templates/fromServerPackageSpec/${n}`)])
  })
})

describe('VirtFusion SSH keys', () => {
  it('lists the default user\'s keys with an OpenSSH fingerprint', async () => {
    expect(await adapter().listSshKeys()).toEqual([{ id: '1', name: 'Jon laptop', fingerprint: SEED_FINGERPRINT, public_key: expect.stringContaining('ssh-ed25519 ') }])
    expect(reqs()[0]).toMatchObject({ method: 'GET', path: '/ssh_keys/user/1' })
  })

  it('adds a key for the default user and deletes it', async () => {
    const a = adapter()
    const added = await a.addSshKey({ name: 'CI', public_key: `${NEW_KEY}\n` })
    expect(added).toMatchObject({ id: '11', name: 'CI', public_key: NEW_KEY, fingerprint: expect.stringMatching(/^SHA256:[A-Za-z0-9+/]{43}$/) })
    expect(reqs()[0]).toMatchObject({ method: 'POST', path: '/ssh_keys', body: { userId: 1, name: 'CI', publicKey: NEW_KEY } })
    const listed = await a.listSshKeys()
    expect(listed.map(k => k.id)).toEqual(['1', '11'])
    expect(listed[1]!.fingerprint).toBe(added.fingerprint)

    await a.deleteSshKey('11')
    expect(reqs().at(-1)).toMatchObject({ method: 'DELETE', path: '/ssh_keys/11' })
    expect((await a.listSshKeys()).map(k => k.id)).toEqual(['1'])
    await expect(a.deleteSshKey('11')).rejects.toMatchObject({ code: 'not_found' })
  })

  it('refuses a malformed key, and a duplicate (VirtFusion 422)', async () => {
    const a = adapter()
    await expect(a.addSshKey({ name: 'bad', public_key: 'not a key' })).rejects.toMatchObject({ code: 'invalid_request', upstreamStatus: 422 })
    await a.addSshKey({ name: 'CI', public_key: NEW_KEY })
    await expect(a.addSshKey({ name: 'again', public_key: NEW_KEY })).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('already') })
  })

  it('needs the default user id to know whose keys they are', async () => {
    await expect(adapter({}, { hypervisor_id: '1' }).listSshKeys()).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('user ID') })
    expect(reqs()).toHaveLength(0)
  })
})

describe('VirtFusion users', () => {
  it('finds an existing user by our relation id', async () => {
    expect(await adapter().ensureUser({ extRelationId: 42, name: 'Jane Customer', email: 'jane@example.net' })).toBe('2')
    expect(reqs().map(r => `${r.method} ${r.path}`)).toEqual(['GET /users/42/byExtRelation'])
  })

  it('creates a missing user once, then finds it', async () => {
    const a = adapter()
    const id = await a.ensureUser({ extRelationId: '77', name: 'New Customer', email: 'new@example.org' })
    expect(id).toBe('11')
    expect(reqs().map(r => `${r.method} ${r.path}`)).toEqual(['GET /users/77/byExtRelation', 'POST /users'])
    expect(reqs()[1]!.body).toEqual({ name: 'New Customer', email: 'new@example.org', extRelationId: 77, sendMail: false })
    expect(await a.ensureUser({ extRelationId: 77, name: 'New Customer', email: 'new@example.org' })).toBe('11')
    expect(reqs().filter(r => r.method === 'POST')).toHaveLength(1)
    // The new user can own servers.
    const s = await a.createServer({ plan: '1', hostname: 'c.example.com', options: { userId: id } })
    expect((s.extra as { ownerId: number }).ownerId).toBe(11)
  })

  it('passes VirtFusion\'s refusal through (email already taken)', async () => {
    await expect(adapter().ensureUser({ extRelationId: 5, name: 'Dup', email: 'jon@example.com' }))
      .rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('email has already been taken') })
    await expect(adapter().ensureUser({ extRelationId: 'abc', name: 'x', email: 'x@example.com' })).rejects.toMatchObject({ code: 'invalid_request' })
  })
})

describe('VirtFusion unsupported groups', () => {
  it.each([
    ['dns', (a: VirtfusionAdapter) => a.getDnsZone('example.com')],
    ['domains', (a: VirtfusionAdapter) => a.listDomains()],
    ['billing', (a: VirtfusionAdapter) => a.getBalance()],
    ['orders', (a: VirtfusionAdapter) => a.listOrders()],
  ] as const)('%s → NotSupportedError (501) with the reason', async (group, call) => {
    const a = adapter()
    const err = await call(a).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(NotSupportedError)
    expect(err).toMatchObject({ code: 'not_supported', statusCode: 501, provider: 'VirtFusion' })
    expect((err as Error).message).toContain(meta.capabilities[group].note!)
    expect(reqs()).toHaveLength(0)
  })

  it('declares every capability group, with a note for each one it lacks, and base_url required without default', () => {
    for (const g of CAPABILITY_GROUPS) {
      const c = meta.capabilities[g]
      expect(c, g).toBeDefined()
      if (!c.supported) expect(c.note, g).toBeTruthy()
    }
    const base = meta.settings.find(s => s.key === 'base_url')!
    expect(base).toMatchObject({ required: true })
    expect(base.default).toBeUndefined()
    expect(meta.settings.map(s => s.key)).toEqual(['base_url', 'user_id', 'hypervisor_id'])
  })
})
