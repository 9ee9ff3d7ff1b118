/**
 * Day-2 operations on a VM, as the spec describes them: metrics (VPS_getMetricsV1), the one
 * snapshot (get/create/restore/delete; creating replaces it), backups (list, restore), PTR
 * records per IP address id, recovery mode, hostname and nameservers. Every change answers an
 * ActionResource and locks the VM until it completes, like the power calls.
 */
import type { Router, SimRequest, SimResponse } from '../../core/router'
import { Errors, fail, ok, refused } from './respond'
import { iso, type HostingerState, type SimVm, type VmState } from './state'

const BASE = '/api/vps/v1/virtual-machines'
const PER_PAGE = 15
const DAY = 86_400_000
/** The spec's example: a snapshot expires about 20 days after it was taken. */
const SNAPSHOT_TTL = 20 * DAY
/** At most this many samples per series, whatever the range. */
const MAX_SAMPLES = 300
const FIVE_MIN = 300_000

const HOSTNAME = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/i
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/
const isIp = (v: string) => IPV4.test(v) || (v.includes(':') && /^[\da-f:.]+$/i.test(v))

const STRONG_PASSWORD = [
  { re: /.{12,}/, msg: 'must be at least 12 characters' },
  { re: /[A-Z]/, msg: 'must contain at least one uppercase letter' },
  { re: /[a-z]/, msg: 'must contain at least one lowercase letter' },
  { re: /\d/, msg: 'must contain at least one number' },
]

/** A smooth, repeatable value in [0, 1) for a VM, a series and a time. */
function wave(vmId: number, series: number, t: number) {
  const x = t / 3_600_000
  const v = 0.5 + 0.3 * Math.sin(x / 3 + vmId % 7 + series) + 0.15 * Math.sin(x * 1.7 + series * 2)
  return Math.min(0.99, Math.max(0.01, v))
}

export function registerOpsRoutes(router: Router, state: HostingerState) {
  const withVm = (fn: (vm: SimVm, req: SimRequest) => SimResponse) => (req: SimRequest) => {
    const vm = state.findVm(req.params.id)
    return vm ? fn(vm, req) : fail(404, 'Virtual machine not found')
  }

  function blocked(vm: SimVm, action: string, allowed: VmState[]): SimResponse | null {
    const now = Date.now()
    const current = state.stateOf(vm, now)
    if (state.isLocked(vm, now)) return refused(`Virtual machine is locked: another action is in progress (state: ${current}). Try again when it completes.`)
    if (!allowed.includes(current)) return refused(`Virtual machine cannot ${action} in its current state (state: ${current})`)
    return null
  }

  /** Locks the VM for one transition in `via` (its current state when not given) and logs the action. */
  function act(vm: SimVm, name: string, via?: VmState, final?: VmState) {
    const now = Date.now()
    const current = state.stateOf(vm, now)
    const doneAt = state.startTransition(vm, [{ state: via ?? current, ms: state.transitionMs }], final ?? current, now)
    return { now, doneAt, resource: () => ok(state.actionResource(state.addAction(vm, name, doneAt, now), now)) }
  }

  // ---------- metrics ----------

  router.get(`${BASE}/:id/metrics`, withVm((vm, req) => {
    const errors = new Errors()
    const parse = (field: string) => {
      const v = req.query[field]
      if (!errors.required(field, v)) return NaN
      const ms = Date.parse(String(v))
      if (Number.isNaN(ms)) errors.add(field, `The ${field.replace(/_/g, ' ')} field must be a valid date.`)
      return ms
    }
    const from = parse('date_from')
    const to = parse('date_to')
    if (!Number.isNaN(from) && !Number.isNaN(to) && to <= from) errors.add('date_to', 'The date to field must be a date after date from.')
    const invalid = errors.response()
    if (invalid) return invalid
    const now = Date.now()
    const start = Math.max(from, Date.parse(vm.created_at))
    const end = Math.min(to, now)
    const step = Math.max(FIVE_MIN, Math.ceil((to - from) / MAX_SAMPLES / FIVE_MIN) * FIVE_MIN)
    const series = { cpu_usage: {}, ram_usage: {}, disk_space: {}, outgoing_traffic: {}, incoming_traffic: {}, uptime: {} } as Record<string, Record<string, number>>
    // A VM that never ran (not set up) has no samples.
    if (vm.template_id !== null) {
      const times: number[] = []
      for (let t = Math.ceil(start / step) * step; t <= end; t += step) times.push(t)
      // A VM younger than one step still has its first sample.
      if (!times.length && start <= end) times.push(end)
      for (const t of times) {
        const key = String(Math.floor(t / 1000))
        series.cpu_usage![key] = Math.round(wave(vm.id, 0, t) * 60 * 100) / 100
        series.ram_usage![key] = Math.round(vm.memory * 1024 * 1024 * (0.2 + 0.5 * wave(vm.id, 1, t)))
        series.disk_space![key] = Math.round(vm.disk * 1024 * 1024 * 0.18 + (t - Date.parse(vm.created_at)) / DAY * 4_000_000)
        series.outgoing_traffic![key] = Math.round(wave(vm.id, 2, t) * 900_000)
        series.incoming_traffic![key] = Math.round(wave(vm.id, 3, t) * 9_000_000)
        series.uptime![key] = Math.max(0, t - Date.parse(vm.created_at))
      }
    }
    const unit = { cpu_usage: '%', ram_usage: 'bytes', disk_space: 'bytes', outgoing_traffic: 'bytes', incoming_traffic: 'bytes', uptime: 'milliseconds' } as Record<string, string>
    return ok(Object.fromEntries(Object.entries(series).map(([k, usage]) => [k, { unit: unit[k], usage }])))
  }))

  // ---------- snapshot (one per VM) ----------

  const snapshotOf = (vm: SimVm, now = Date.now()) => (vm.snapshot && vm.snapshot.readyAt <= now && vm.snapshot.expiresAt > now ? vm.snapshot : undefined)
  const noSnapshot = () => fail(404, 'Snapshot not found')

  router.get(`${BASE}/:id/snapshot`, withVm((vm) => {
    const s = snapshotOf(vm)
    if (!s) return noSnapshot()
    return ok({ id: s.id, restore_time: Math.round(vm.disk / 100), created_at: iso(s.readyAt), expires_at: iso(s.expiresAt) })
  }))

  router.post(`${BASE}/:id/snapshot`, withVm((vm) => {
    const no = blocked(vm, 'take a snapshot', ['running', 'stopped'])
    if (no) return no
    const a = act(vm, 'snapshot_create')
    // The old snapshot is gone at once; the new one shows when the action completes.
    vm.snapshot = { id: state.nextId(900_000), readyAt: a.doneAt, expiresAt: a.doneAt + SNAPSHOT_TTL }
    return a.resource()
  }))

  router.post(`${BASE}/:id/snapshot/restore`, withVm((vm) => {
    if (!snapshotOf(vm)) return refused('Virtual machine has no snapshot to restore')
    const no = blocked(vm, 'be restored', ['running', 'stopped', 'error'])
    if (no) return no
    return act(vm, 'snapshot_restore', 'restoring', 'running').resource()
  }))

  router.delete(`${BASE}/:id/snapshot`, withVm((vm) => {
    if (!snapshotOf(vm)) return noSnapshot()
    const no = blocked(vm, 'delete its snapshot', ['running', 'stopped', 'error'])
    if (no) return no
    delete vm.snapshot
    return act(vm, 'snapshot_delete').resource()
  }))

  // ---------- backups ----------

  router.get(`${BASE}/:id/backups`, withVm((vm, req) => {
    const page = Math.max(1, Number(req.query.page ?? 1) || 1)
    const all = [...(vm.backups ?? [])].reverse().map(b => ({ id: b.id, size: b.size, restore_time: Math.round(b.size / 4096), location: b.location, created_at: iso(b.createdAt) }))
    return ok({ data: all.slice((page - 1) * PER_PAGE, page * PER_PAGE), meta: { current_page: page, per_page: PER_PAGE, total: all.length } })
  }))

  router.post(`${BASE}/:id/backups/:backupId/restore`, withVm((vm, req) => {
    if (!(vm.backups ?? []).some(b => String(b.id) === req.params.backupId)) return fail(404, 'Backup not found')
    const no = blocked(vm, 'be restored', ['running', 'stopped', 'error'])
    if (no) return no
    return act(vm, 'backup_restore', 'restoring', 'running').resource()
  }))

  // ---------- PTR records ----------

  const ipOf = (vm: SimVm, ipId: string | undefined) => [...(vm.ipv4 ?? []), ...(vm.ipv6 ?? [])].find(ip => String(ip.id) === ipId)

  router.post(`${BASE}/:id/ptr/:ipId`, withVm((vm, req) => {
    const ip = ipOf(vm, req.params.ipId)
    if (!ip) return fail(404, 'IP address not found')
    const body = (req.body ?? {}) as { domain?: unknown }
    const errors = new Errors()
    if (errors.required('domain', body.domain) && errors.string('domain', body.domain) && !HOSTNAME.test(body.domain as string)) {
      errors.add('domain', 'The domain field must be a valid domain name.')
    }
    const invalid = errors.response()
    if (invalid) return invalid
    const no = blocked(vm, 'change reverse DNS', ['running', 'stopped', 'error', 'recovery'])
    if (no) return no
    ip.ptr = (body.domain as string).toLowerCase()
    return act(vm, 'ptr_create').resource()
  }))

  router.delete(`${BASE}/:id/ptr/:ipId`, withVm((vm, req) => {
    const ip = ipOf(vm, req.params.ipId)
    if (!ip) return fail(404, 'IP address not found')
    const no = blocked(vm, 'change reverse DNS', ['running', 'stopped', 'error', 'recovery'])
    if (no) return no
    ip.ptr = null
    return act(vm, 'ptr_delete').resource()
  }))

  // ---------- recovery mode ----------

  router.post(`${BASE}/:id/recovery`, withVm((vm, req) => {
    const body = (req.body ?? {}) as { root_password?: unknown }
    const errors = new Errors()
    if (errors.required('root_password', body.root_password) && errors.string('root_password', body.root_password)) {
      for (const rule of STRONG_PASSWORD) if (!rule.re.test(body.root_password as string)) errors.add('root_password', `The root password field ${rule.msg}.`)
    }
    const invalid = errors.response()
    if (invalid) return invalid
    const no = blocked(vm, 'start recovery mode', ['running', 'stopped'])
    if (no) return no
    vm.recoveryPassword = body.root_password as string
    return act(vm, 'recovery_start', 'starting', 'recovery').resource()
  }))

  router.delete(`${BASE}/:id/recovery`, withVm((vm) => {
    const no = blocked(vm, 'stop recovery mode', ['recovery'])
    if (no) return no
    delete vm.recoveryPassword
    return act(vm, 'recovery_stop', 'stopping_recovery', 'running').resource()
  }))

  // ---------- hostname and nameservers ----------

  router.put(`${BASE}/:id/hostname`, withVm((vm, req) => {
    const body = (req.body ?? {}) as { hostname?: unknown }
    const errors = new Errors()
    if (errors.required('hostname', body.hostname) && errors.string('hostname', body.hostname) && !HOSTNAME.test(body.hostname as string)) {
      errors.add('hostname', 'The hostname field must be a valid hostname.')
    }
    const invalid = errors.response()
    if (invalid) return invalid
    const no = blocked(vm, 'change its hostname', ['running', 'stopped', 'error'])
    if (no) return no
    vm.hostname = (body.hostname as string).toLowerCase()
    return act(vm, 'hostname_set').resource()
  }))

  router.put(`${BASE}/:id/nameservers`, withVm((vm, req) => {
    const body = (req.body ?? {}) as { ns1?: unknown, ns2?: unknown, ns3?: unknown }
    const errors = new Errors()
    const check = (field: 'ns1' | 'ns2' | 'ns3', required: boolean) => {
      const v = body[field]
      if (required ? !errors.required(field, v) : v === undefined || v === null) return
      if (errors.string(field, v) && !isIp(v as string)) errors.add(field, `The ${field} field must be a valid IP address.`)
    }
    check('ns1', true)
    check('ns2', false)
    check('ns3', false)
    const invalid = errors.response()
    if (invalid) return invalid
    const no = blocked(vm, 'change its nameservers', ['running', 'stopped', 'error'])
    if (no) return no
    vm.ns1 = body.ns1 as string
    vm.ns2 = (body.ns2 as string | null | undefined) ?? null
    vm.ns3 = (body.ns3 as string | null | undefined) ?? null
    return act(vm, 'nameservers_set').resource()
  }))
}
