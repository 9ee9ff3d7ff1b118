/** Server routes: list/create/read/delete, build, package change, password reset, templates, suspend. */
import type { Router, SimRequest, SimResponse } from '../../core/router'
import { errors, isId, isResponse, noContent, notFound, paginate, pathId } from './respond'
import { randomPassword, type SimServer, type VirtfusionState } from './state'
import { serverSimpleView, serverView, templateGroupsView } from './views'

const MAX_DELETE_DELAY_MIN = 43_800

/** The server named by `:id`, or VirtFusion's refusal. */
export function loadServer(st: VirtfusionState, req: SimRequest): SimServer | SimResponse {
  const id = pathId(req, 'serverId')
  if (isResponse(id)) return id
  return st.findServer(id) ?? notFound('server')
}

export const isServer = (v: SimServer | SimResponse): v is SimServer => 'uuid' in v

export function registerServerRoutes(router: Router, st: VirtfusionState, prefix: string) {
  router.get('/servers', (req) => {
    st.sweep()
    const full = req.query.type === 'full'
    const hv = req.query.hypervisorId
    const rows = st.servers.filter(s => !hv || String(s.hypervisorId) === hv)
    return paginate(req, prefix, rows.map(s => (full ? serverView(st, s) : serverSimpleView(st, s))))
  })

  router.post('/servers', (req) => {
    const b = req.body ?? {}
    const problems: string[] = []
    for (const k of ['packageId', 'userId', 'hypervisorId'] as const) {
      if (b[k] === undefined || b[k] === null) problems.push(`The ${k} field is required.`)
      else if (!isId(b[k])) problems.push(`The ${k} must be an integer.`)
    }
    if (b.ipv4 !== undefined && !(Number.isInteger(b.ipv4) && b.ipv4 >= 0)) problems.push('The ipv4 must be an integer.')
    if (problems.length) return errors(422, ...problems)
    if (!st.packages.some(p => p.id === b.packageId && p.enabled)) problems.push('Invalid or disabled package')
    if (!st.users.some(u => u.id === b.userId)) problems.push('Invalid user')
    const group = st.groups.find(g => g.id === b.hypervisorId && g.enabled)
    if (!group || !st.hypervisorFor(group.id)) problems.push('Invalid or disabled hypervisor group')
    if (problems.length) return errors(422, ...problems)
    if (req.query.dryRun === 'true') return { status: 200, json: { data: { dryRun: true, errors: [] } } }
    const s = st.createServer({ packageId: b.packageId, userId: b.userId, hypervisorGroupId: b.hypervisorId, ipv4: b.ipv4, name: typeof b.name === 'string' ? b.name.slice(0, 255) : undefined })
    return { status: 201, json: { data: serverView(st, s) } }
  })

  router.get('/servers/user/:userId', (req) => {
    const id = pathId(req, 'userId')
    if (isResponse(id)) return id
    if (!st.users.some(u => u.id === id)) return notFound('user')
    st.sweep()
    return { json: { data: st.servers.filter(s => s.ownerId === id).map(s => serverView(st, s)) } }
  })

  router.get('/servers/:serverId', (req) => {
    const s = loadServer(st, req)
    if (!isServer(s)) return s
    return { json: { data: serverView(st, s, { remoteState: req.query.remoteState === 'true' || req.query.remoteState === '1' }) } }
  })

  router.delete('/servers/:serverId', (req) => {
    const s = loadServer(st, req)
    if (!isServer(s)) return s
    const raw = req.query.delay ?? '0'
    if (!/^\d+$/.test(raw) || Number(raw) > MAX_DELETE_DELAY_MIN) return errors(422, `The delay must be between 0 and ${MAX_DELETE_DELAY_MIN}.`)
    const delay = Number(raw)
    if (delay === 0) st.servers = st.servers.filter(x => x !== s)
    else {
      s.deleteAt = st.now() + delay * 60_000
      s.updated = st.iso()
    }
    return noContent
  })

  router.post('/servers/:serverId/build', (req) => {
    const s = loadServer(st, req)
    if (!isServer(s)) return s
    const b = req.body ?? {}
    if (b.operatingSystemId === undefined) return errors(422, 'The operating system id field is required.')
    if (!isId(b.operatingSystemId)) return errors(422, 'The operating system id must be an integer.')
    if (b.sshKeys !== undefined && !(Array.isArray(b.sshKeys) && b.sshKeys.every(isId))) return errors(422, 'The ssh keys must be an array of integers.')
    for (const k of ['name', 'hostname'] as const) {
      if (b[k] !== undefined && typeof b[k] !== 'string') return errors(422, `The ${k} must be a string.`)
    }
    if (s.suspended) return errors(423, 'The server is suspended.')
    if (st.buildState(s) === 'queued') return errors(409, 'The server already has a build queued.')
    const pkg = st.packages.find(p => p.id === s.packageId)
    if (!pkg?.templateIds.includes(b.operatingSystemId)) return errors(422, 'The operating system template is not available for this server.')
    const keys: number[] = b.sshKeys ?? []
    const foreign = keys.filter(k => !st.sshKeys.some(x => x.id === k && x.userId === s.ownerId))
    if (foreign.length) return errors(422, `Invalid SSH key(s): ${foreign.join(', ')}`)
    const rebuild = s.complete
    s.build = { endsAt: st.now() + st.transitionMs, templateId: b.operatingSystemId, rebuild }
    s.complete = false
    s.pendingPower = null
    s.power = 'shutoff'
    if (b.name) s.name = b.name
    if (b.hostname) s.hostname = b.hostname
    s.sshKeyIds = keys
    s.password = randomPassword()
    s.updated = st.iso()
    return { json: { data: serverView(st, s, { decryptedPassword: true }) } }
  })

  router.put('/servers/:serverId/package/:packageId', (req) => {
    const s = loadServer(st, req)
    if (!isServer(s)) return s
    const pid = pathId(req, 'packageId')
    if (isResponse(pid)) return pid
    const pkg = st.packages.find(p => p.id === pid)
    if (!pkg) return notFound('package')
    if (!pkg.enabled) return errors(422, 'The package is disabled.')
    if (s.suspended) return errors(423, 'The server is suspended.')
    const want = { cpu: true, memory: true, primaryDiskSize: true, primaryNetworkTraffic: true, ...(req.body ?? {}) }
    const info: string[] = []
    const r = s.resources
    if (!want.cpu || r.cpuCores === pkg.cpuCores) info.push('CPU cores not updated. It matches the current value')
    else r.cpuCores = pkg.cpuCores
    if (!want.memory || r.memory === pkg.memory) info.push('memory not updated. It matches the current value')
    else r.memory = pkg.memory
    // VirtFusion never shrinks a disk.
    if (!want.primaryDiskSize || pkg.primaryStorage <= r.storage) info.push('primary disk not updated. It either matches or is lower than the current value')
    else r.storage = pkg.primaryStorage
    if (!want.primaryNetworkTraffic || r.traffic === pkg.traffic) info.push('traffic not updated. It matches the current value')
    else r.traffic = pkg.traffic
    s.packageId = pkg.id
    s.updated = st.iso()
    return { json: { info } }
  })

  router.post('/servers/:serverId/resetPassword', (req) => {
    const s = loadServer(st, req)
    if (!isServer(s)) return s
    const user = req.body?.user
    if (user === undefined) return errors(422, 'The user field is required.')
    if (user !== 'root' && user !== 'Administrator') return errors(422, 'The user must be either root or Administrator.')
    if (st.buildState(s) !== 'complete') return errors(409, 'The server has not been built.')
    if (s.suspended) return errors(423, 'The server is suspended.')
    s.password = randomPassword()
    return { json: { data: { queueId: st.nextQueueId(), expectedPassword: s.password } } }
  })

  router.get('/servers/:serverId/templates', (req) => {
    const s = loadServer(st, req)
    if (!isServer(s)) return s
    const pkg = st.packages.find(p => p.id === s.packageId)
    return { json: { data: templateGroupsView(pkg?.templateIds ?? []) } }
  })

  router.post('/servers/:serverId/suspend', (req) => {
    const s = loadServer(st, req)
    if (!isServer(s)) return s
    if (s.suspended) return errors(409, 'The server is already suspended.')
    st.settle(s)
    s.suspended = true
    // Suspending stops the guest.
    s.power = 'shutoff'
    s.pendingPower = null
    s.updated = st.iso()
    return noContent
  })

  router.post('/servers/:serverId/unsuspend', (req) => {
    const s = loadServer(st, req)
    if (!isServer(s)) return s
    if (!s.suspended) return errors(409, 'The server is not suspended.')
    s.suspended = false
    if (st.buildState(s) === 'complete') s.pendingPower = { action: 'boot', endsAt: st.now() + st.transitionMs }
    s.updated = st.iso()
    return noContent
  })
}
