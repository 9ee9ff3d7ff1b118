/** VirtFusion adapter: power, suspend, resize, reinstall, delete and root password, over real HTTP. */
import { describe, expect, it } from 'vitest'
import { adapter, reqs, state, TRANSITION_MS } from './virtfusion-harness'

describe('VirtFusion power', () => {
  it('boots a stopped server: start → boot, pending until the queue has run it', async () => {
    const a = adapter()
    expect(await a.power('102', 'start')).toMatchObject({ status: 'started', message: expect.stringMatching(/^Queued as task \d+$/) })
    expect(reqs()[0]).toMatchObject({ method: 'POST', path: '/servers/102/power/boot' })
    expect(await a.getServer('102')).toMatchObject({ status: 'pending', rawStatus: 'starting' })
    state().advance(TRANSITION_MS)
    expect(await a.getServer('102')).toMatchObject({ status: 'running', rawStatus: 'running' })
  })

  it('shuts a running server down: stop → shutdown, stopping then stopped', async () => {
    const a = adapter()
    expect(await a.power('101', 'stop')).toMatchObject({ status: 'stopped' })
    expect(reqs()[0]).toMatchObject({ method: 'POST', path: '/servers/101/power/shutdown' })
    expect(await a.getServer('101')).toMatchObject({ status: 'pending', rawStatus: 'shutdown' })
    state().advance(TRANSITION_MS)
    expect(await a.getServer('101')).toMatchObject({ status: 'stopped', rawStatus: 'shutoff' })
  })

  it('restarts (rebooting, then running) and powers off', async () => {
    const a = adapter()
    expect(await a.power('101', 'restart')).toMatchObject({ status: 'restarted' })
    expect(await a.getServer('101')).toMatchObject({ status: 'rebooting', rawStatus: 'restarting' })
    state().advance(TRANSITION_MS)
    expect(await a.getServer('101')).toMatchObject({ status: 'running' })
    expect(await a.power('101', 'poweroff')).toMatchObject({ status: 'stopped' })
    state().advance(TRANSITION_MS)
    expect(await a.getServer('101')).toMatchObject({ status: 'stopped' })
    expect(reqs().filter(r => r.method === 'POST').map(r => r.path)).toEqual(['/servers/101/power/restart', '/servers/101/power/poweroff'])
  })

  it('maps wrong-state refusals to conflict: 409, and 423 for a suspended server', async () => {
    const a = adapter()
    await expect(a.power('101', 'start')).rejects.toMatchObject({ code: 'conflict', statusCode: 409, upstreamStatus: 409, message: expect.stringContaining('already running') })
    await expect(a.power('102', 'stop')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already stopped') })
    await expect(a.power('103', 'start')).rejects.toMatchObject({ code: 'conflict', statusCode: 409, upstreamStatus: 423, message: expect.stringContaining('suspended') })
    await a.power('101', 'stop')
    await expect(a.power('101', 'start')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('in progress') })
    const { upstreamId } = await a.createServer({ plan: '1', hostname: 'x' })
    await expect(a.power(upstreamId, 'start')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('not been built') })
    await expect(a.power('999', 'start')).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('VirtFusion suspend', () => {
  it('suspends (204, the guest stops) and unsuspends (it boots again)', async () => {
    const a = adapter()
    expect(await a.suspend('101')).toEqual({ status: 'suspended' })
    expect(reqs()[0]).toMatchObject({ method: 'POST', path: '/servers/101/suspend', rawBody: '' })
    const s = await a.getServer('101')
    expect(s).toMatchObject({ status: 'suspended', rawStatus: 'suspended' })
    expect((s.extra as { suspended: boolean }).suspended).toBe(true)
    await expect(a.suspend('101')).rejects.toMatchObject({ code: 'conflict' })

    expect(await a.unsuspend('101')).toEqual({ status: 'unsuspended' })
    expect(reqs().at(-1)).toMatchObject({ method: 'POST', path: '/servers/101/unsuspend' })
    expect(await a.getServer('101')).toMatchObject({ status: 'pending', rawStatus: 'starting' })
    state().advance(TRANSITION_MS)
    expect(await a.getServer('101')).toMatchObject({ status: 'running' })
    await expect(a.unsuspend('101')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('not suspended') })
  })
})

describe('VirtFusion resize', () => {
  it('changes the package with PUT /servers/{id}/package/{packageId}', async () => {
    const a = adapter()
    expect(await a.resize('101', { plan: '3' })).toEqual({ status: 'resized', message: undefined })
    const put = reqs()[0]!
    expect(put).toMatchObject({ method: 'PUT', path: '/servers/101/package/3' })
    expect(put.body).toEqual({ cpu: true, memory: true, primaryDiskSize: true, primaryNetworkTraffic: true })
    expect(await a.getServer('101')).toMatchObject({ vcpus: 4, memoryMb: 8192, diskGb: 120 })
  })

  it('reports what VirtFusion left unchanged (a disk never shrinks) and honours resizeDisk: false', async () => {
    const a = adapter()
    const down = await a.resize('101', { plan: '1' })
    expect(down.message).toContain('primary disk not updated')
    expect(await a.getServer('101')).toMatchObject({ vcpus: 1, memoryMb: 1024, diskGb: 60 })

    await a.resize('102', { plan: '3', resizeDisk: false })
    expect(reqs().at(-1)!.body).toMatchObject({ primaryDiskSize: false })
  })

  it('refuses an unknown package (not_found) and a suspended server (conflict)', async () => {
    await expect(adapter().resize('101', { plan: '99' })).rejects.toMatchObject({ code: 'not_found' })
    await expect(adapter().resize('103', { plan: '2' })).rejects.toMatchObject({ code: 'conflict', upstreamStatus: 423 })
  })
})

describe('VirtFusion reinstall', () => {
  it('rebuilds a built server from another template', async () => {
    const a = adapter()
    expect(await a.reinstall('101', { template: '20' })).toEqual({ status: 'reinstalling' })
    expect(reqs()[0]).toMatchObject({ method: 'POST', path: '/servers/101/build', body: { operatingSystemId: 20 } })
    const during = await a.getServer('101')
    expect(during).toMatchObject({ status: 'pending', rawStatus: 'queued' })
    expect((during.extra as { rebuild: boolean }).rebuild).toBe(true)
    state().advance(TRANSITION_MS)
    expect(await a.getServer('101')).toMatchObject({ status: 'running', os: 'Ubuntu Server 22.04 LTS' })
  })

  it('refuses while a build is queued, and on a suspended server', async () => {
    const a = adapter()
    await a.reinstall('101', { template: '20' })
    await expect(a.reinstall('101', { template: '21' })).rejects.toMatchObject({ code: 'conflict' })
    await expect(a.reinstall('103', { template: '8' })).rejects.toMatchObject({ code: 'conflict', upstreamStatus: 423 })
  })
})

describe('VirtFusion delete', () => {
  it('deletes at once with delay=0', async () => {
    const a = adapter()
    expect(await a.destroy('102', {})).toEqual({ status: 'deleted' })
    expect(reqs()[0]).toMatchObject({ method: 'DELETE', path: '/servers/102', query: { delay: '0' } })
    await expect(a.getServer('102')).rejects.toMatchObject({ code: 'not_found' })
  })

  it('schedules a delayed deletion; the server goes when the delay has passed', async () => {
    const a = adapter()
    expect(await a.destroy('102', { delayMinutes: 60 })).toMatchObject({ status: 'deletion scheduled', message: expect.stringContaining('60 minutes') })
    expect(reqs()[0]).toMatchObject({ method: 'DELETE', path: '/servers/102', query: { delay: '60' } })
    expect(await a.getServer('102')).toMatchObject({ upstreamId: '102' })
    state().advance(59 * 60_000)
    expect((await a.listServers()).map(s => s.upstreamId)).toContain('102')
    state().advance(2 * 60_000)
    await expect(a.getServer('102')).rejects.toMatchObject({ code: 'not_found' })
    expect((await a.listServers()).map(s => s.upstreamId)).toEqual(['101', '103'])
  })

  it('validates the delay (0–43800 whole minutes) before calling VirtFusion', async () => {
    const a = adapter()
    for (const delayMinutes of [-1, 1.5, 43_801]) {
      await expect(a.destroy('101', { delayMinutes })).rejects.toMatchObject({ code: 'invalid_request' })
    }
    expect(reqs()).toHaveLength(0)
    expect(await a.destroy('101', { delayMinutes: 43_800 })).toMatchObject({ status: 'deletion scheduled' })
  })
})

describe('VirtFusion root password', () => {
  it('resets it (the only way to learn it) and returns the new one', async () => {
    const pw = await adapter().getRootPassword('101')
    const current = state().servers.find(s => s.id === 101)!.password
    expect(pw).toEqual({ username: 'root', password: current })
    expect(pw.password).toMatch(/^[A-Za-z0-9]{20}$/)
    expect(reqs()[0]).toMatchObject({ method: 'POST', path: '/servers/101/resetPassword', body: { user: 'root', sendMail: false } })
  })

  it('is refused for a server that has not been built', async () => {
    const a = adapter()
    const { upstreamId } = await a.createServer({ plan: '1', hostname: 'x' })
    await expect(a.getRootPassword(upstreamId)).rejects.toMatchObject({ code: 'conflict' })
  })
})
