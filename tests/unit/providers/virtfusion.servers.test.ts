/** VirtFusion adapter: reading, creating, building and finding servers, over real HTTP. */
import { describe, expect, it } from 'vitest'
import { adapter, reqs, sb, state, TOKEN, TRANSITION_MS } from './virtfusion-harness'

describe('VirtFusion servers', () => {
  it('lists every server with addresses, resources and live power state', async () => {
    const servers = await adapter().listServers()
    expect(servers.map(s => [s.upstreamId, s.status, s.rawStatus])).toEqual([
      ['101', 'running', 'running'],
      ['102', 'stopped', 'shutoff'],
      ['103', 'suspended', 'suspended'],
    ])
    const web = servers[0]!
    expect(web).toMatchObject({
      name: 'web-1.example.com',
      hostname: 'web-1.example.com',
      ipv4: ['203.0.113.11', '203.0.113.12'],
      ipv6: ['2001:db8:100:101::/80'],
      // Named from the packages' templates and the package whose resources match (cached).
      os: 'Ubuntu Server 24.04 LTS',
      vcpus: 2,
      memoryMb: 4096,
      diskGb: 60,
      region: 'London',
      plan: 'VPS Medium',
      createdAt: '2025-01-10T09:00:00+00:00',
    })
    expect((web.extra as { uuid: string }).uuid).toMatch(/^[0-9a-f-]{36}$/)
    expect(servers[2]!.region).toBe('New York')

    const sent = reqs()
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/servers', query: { results: '200', page: '1' } })
    expect(sent[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(sent[0]!.headers.accept).toBe('application/json')
    // The hypervisor is asked only about built, unsuspended servers (the rest: OS and package names, cached).
    const reads = sent.slice(1).filter(r => r.path.startsWith('/servers/')).map(r => `${r.path}?${new URLSearchParams(r.query)}`).sort()
    expect(reads).toEqual(['/servers/101?remoteState=true', '/servers/102?remoteState=true', '/servers/103?'])
  })

  it('walks every page of the server list', async () => {
    const a = adapter()
    ;(a as unknown as { pageSize: number }).pageSize = 2
    const servers = await a.listServers()
    expect(servers.map(s => s.upstreamId)).toEqual(['101', '102', '103'])
    const pages = reqs().filter(r => r.path === '/servers').map(r => r.query)
    expect(pages).toEqual([{ results: '2', page: '1' }, { results: '2', page: '2' }])
  })

  it('reads one server with its live state, and answers not_found for a missing one', async () => {
    const s = await adapter().getServer('102')
    expect(s).toMatchObject({ upstreamId: '102', status: 'stopped', rawStatus: 'shutoff', vcpus: 4, memoryMb: 8192, diskGb: 120 })
    expect(reqs()[0]).toMatchObject({ method: 'GET', path: '/servers/102', query: { remoteState: 'true' } })

    await expect(adapter().getServer('999')).rejects.toMatchObject({ code: 'not_found', statusCode: 404, provider: 'VirtFusion' })
    const before = reqs().length
    await expect(adapter().getServer('abc')).rejects.toMatchObject({ code: 'not_found' })
    expect(reqs().length).toBe(before)
  })

  it('creates a server from the account defaults: packageId/userId/hypervisorId as integers', async () => {
    const a = adapter()
    expect(a.needsInstallStep).toBe(true)
    const s = await a.createServer({ plan: '1', hostname: 'new.example.com' })
    expect(s).toMatchObject({ upstreamId: '201', status: 'pending', rawStatus: 'allocated', hostname: null, os: null, vcpus: 1, memoryMb: 1024, diskGb: 20, region: 'London' })
    expect(s.ipv4).toHaveLength(1)
    expect(s.ipv4[0]).toMatch(/^203\.0\.113\.\d+$/)
    const post = reqs().filter(r => r.method === 'POST')
    expect(post).toHaveLength(1)
    expect(post[0]!.path).toBe('/servers')
    expect(post[0]!.body).toEqual({ packageId: 1, userId: 1, hypervisorId: 1 })
    expect(post[0]!.headers['content-type']).toBe('application/json')
  })

  it('takes the owner, hypervisor group and extra resources from options and the data center', async () => {
    const a = adapter()
    await a.createServer({ plan: '2', hostname: 'x', dataCenterId: '2', options: { userId: 2, ipv4: 2 } })
    await a.createServer({ plan: '3', hostname: 'y', dataCenterId: '2', options: { userId: '2', hypervisorId: 1 } })
    const bodies = reqs().filter(r => r.method === 'POST').map(r => r.body)
    expect(bodies).toEqual([
      { packageId: 2, userId: 2, hypervisorId: 2, ipv4: 2 },
      { packageId: 3, userId: 2, hypervisorId: 1 },
    ])
    const created = state().servers.filter(s => s.id > 200)
    expect(created.map(s => [s.ownerId, s.hypervisorId, s.ipv4.length])).toEqual([[2, 7, 2], [2, 6, 1]])
  })

  it('refuses an email as user id, and a missing hypervisor group, before calling VirtFusion', async () => {
    await expect(adapter().createServer({ plan: '1', hostname: 'x', options: { userId: 'jon@example.com' } }))
      .rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('not an email') })
    await expect(adapter({}, { user_id: '1' }).createServer({ plan: '1', hostname: 'x' }))
      .rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('hypervisor group') })
    await expect(adapter().createServer({ plan: 'small', hostname: 'x' })).rejects.toMatchObject({ code: 'invalid_request' })
    expect(reqs()).toHaveLength(0)
  })

  it('passes VirtFusion\'s 422 for an unknown package through as invalid_request', async () => {
    await expect(adapter().createServer({ plan: '99', hostname: 'x' }))
      .rejects.toMatchObject({ code: 'invalid_request', statusCode: 400, upstreamStatus: 422, message: expect.stringContaining('Invalid or disabled package') })
  })

  it('builds a created server: queued, then running with its name and OS', async () => {
    const a = adapter()
    const { upstreamId } = await a.createServer({ plan: '1', hostname: 'app.example.com' })
    const r = await a.installServer(upstreamId, { template: '46', hostname: 'app.example.com', sshKeyIds: ['1'], password: 'ignored' })
    expect(r.status).toBe('installing')
    const build = reqs().find(x => x.path === `/servers/${upstreamId}/build`)!
    expect(build.method).toBe('POST')
    expect(build.body).toEqual({ operatingSystemId: 46, name: 'app.example.com', hostname: 'app.example.com', sshKeys: [1] })

    expect(await a.getServer(upstreamId)).toMatchObject({ status: 'pending', rawStatus: 'queued', name: 'app.example.com' })
    state().advance(TRANSITION_MS)
    expect(await a.getServer(upstreamId)).toMatchObject({ status: 'running', rawStatus: 'running', hostname: 'app.example.com', os: 'Debian 12 (Bookworm) Minimal' })
  })

  it('checks a template without building when asked for a dry run', async () => {
    const a = adapter()
    const { upstreamId } = await a.createServer({ plan: '1', hostname: 'dry.example.com' })
    expect(await a.installServer(upstreamId, { template: '46', dryRun: true })).toMatchObject({ status: 'validated' })
    // Windows (40) is only in package 3.
    await expect(a.installServer(upstreamId, { template: '40', dryRun: true })).rejects.toMatchObject({ code: 'invalid_request' })
    expect(reqs().filter(r => r.path.endsWith('/build'))).toHaveLength(0)
    expect(reqs().filter(r => r.path === `/servers/${upstreamId}/templates`)).toHaveLength(2)
    // Without the dry run, VirtFusion itself refuses it.
    await expect(a.installServer(upstreamId, { template: '40' })).rejects.toMatchObject({ code: 'invalid_request', upstreamStatus: 422 })
  })

  it('puts the exactly-once marker on a new server as its name, so a lost create can be found by it', async () => {
    sb.faults.add('virtfusion', { match: '/servers', method: 'POST', hangAfter: true, count: 1 })
    const input = { plan: '1', hostname: 'lost.example.com', marker: 'eo-0123456789ab' }
    await expect(adapter({ timeoutMs: 200 }).createServer(input)).rejects.toMatchObject({ code: 'timeout' })
    expect(reqs().filter(r => r.method === 'POST')).toHaveLength(1)
    expect(reqs().find(r => r.method === 'POST')!.body).toMatchObject({ name: 'eo-0123456789ab' })
    const marked = (await adapter().listServers()).filter(s => s.name === 'eo-0123456789ab')
    expect(marked).toHaveLength(1)
    expect(marked[0]).toMatchObject({ rawStatus: 'allocated' })
    expect(Number(marked[0]!.upstreamId)).toBeGreaterThan(200)
  })
})
