/**
 * /api/vps/v1/firewall…: account-level firewalls (list paged, create, details, delete), their
 * rules (create, update, delete), activation on a VM (a VM has at most one active firewall:
 * `firewall_group_id`) and sync. A change to the rules leaves the firewall `is_synced: false`
 * until it is synced to its VMs. Refusals: 404 unknown ids, 422 field errors (Laravel style) and
 * state refusals (deactivating a firewall that is not active on the VM, deleting one in use).
 */
import type { Router, SimRequest, SimResponse } from '../../core/router'
import { Errors, fail, ok, refused } from './respond'
import { iso, type HostingerState, type SimFirewall, type SimVm } from './state'

const BASE = '/api/vps/v1/firewall'
const PER_PAGE = 15
const PROTOCOLS = ['TCP', 'UDP', 'ICMP', 'GRE', 'any', 'ESP', 'AH', 'ICMPv6', 'SSH', 'HTTP', 'HTTPS', 'MySQL', 'PostgreSQL']
const PORT_RE = /^(any|\d{1,5}(:\d{1,5})?)$/
const SOURCE_RE = /^(any|[\d.:a-fA-F/-]+)$/

export function registerFirewallRoutes(router: Router, state: HostingerState) {
  const find = (id: string | undefined) => (id && /^\d+$/.test(id) ? state.firewalls.find(f => f.id === Number(id)) : undefined)
  const notFound = () => fail(404, 'Firewall not found')
  const withFw = (fn: (fw: SimFirewall, req: SimRequest) => SimResponse) => (req: SimRequest) => {
    const fw = find(req.params.firewallId)
    return fw ? fn(fw, req) : notFound()
  }
  const withFwVm = (fn: (fw: SimFirewall, vm: SimVm) => SimResponse) => withFw((fw, req) => {
    const vm = state.findVm(req.params.virtualMachineId)
    return vm ? fn(fw, vm) : fail(404, 'Virtual machine not found')
  })
  const resource = (fw: SimFirewall) => ({
    id: fw.id,
    name: fw.name,
    is_synced: fw.syncedAt !== null && fw.syncedAt >= fw.updatedAt,
    rules: fw.rules.map(r => ({ ...r })),
    created_at: iso(fw.createdAt),
    updated_at: iso(fw.updatedAt),
  })
  const touch = (fw: SimFirewall) => { fw.updatedAt = Math.max(Date.now(), fw.updatedAt + 1) }
  /** The action of a firewall call: done at once (the simulator's firewalls apply instantly). */
  const action = (vm: SimVm, name: string) => {
    const now = Date.now()
    return ok(state.actionResource(state.addAction(vm, name, now, now), now))
  }

  function ruleErrors(body: Record<string, unknown>): SimResponse | null {
    const e = new Errors()
    if (e.required('protocol', body.protocol) && e.string('protocol', body.protocol) && !PROTOCOLS.includes(body.protocol as string)) e.invalid('protocol')
    if (e.required('port', body.port) && e.string('port', body.port) && !PORT_RE.test(body.port as string)) e.add('port', 'The port field format is invalid.')
    if (e.required('source', body.source) && e.string('source', body.source) && !['any', 'custom'].includes(body.source as string)) e.invalid('source')
    if (e.required('source_detail', body.source_detail) && e.string('source_detail', body.source_detail) && !SOURCE_RE.test(body.source_detail as string)) e.add('source_detail', 'The source detail field format is invalid.')
    return e.response()
  }

  router.get(BASE, (req) => {
    const page = Math.max(1, Number(req.query.page ?? 1) || 1)
    return ok({
      data: state.firewalls.slice((page - 1) * PER_PAGE, page * PER_PAGE).map(resource),
      meta: { current_page: page, per_page: PER_PAGE, total: state.firewalls.length },
    })
  })

  router.post(BASE, (req) => {
    const body = (req.body ?? {}) as { name?: unknown }
    const e = new Errors()
    if (e.required('name', body.name) && e.string('name', body.name) && (body.name as string).length > 255) e.add('name', 'The name field must not be greater than 255 characters.')
    const bad = e.response()
    if (bad) return bad
    const now = Date.now()
    const fw: SimFirewall = { id: state.nextId(65_200), name: body.name as string, rules: [], createdAt: now, updatedAt: now, syncedAt: null }
    state.firewalls.push(fw)
    return ok(resource(fw))
  })

  router.get(`${BASE}/:firewallId`, withFw(fw => ok(resource(fw))))

  router.delete(`${BASE}/:firewallId`, withFw((fw) => {
    if (state.vms.some(v => v.firewall_group_id === fw.id)) return refused('Firewall is active on a virtual machine: deactivate it first.')
    state.firewalls = state.firewalls.filter(f => f !== fw)
    return ok({ message: 'Request accepted' })
  }))

  router.post(`${BASE}/:firewallId/rules`, withFw((fw, req) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const bad = ruleErrors(body)
    if (bad) return bad
    const rule = { id: state.nextId(24_500), action: 'accept' as const, protocol: body.protocol as string, port: body.port as string, source: body.source as string, source_detail: body.source_detail as string }
    fw.rules.push(rule)
    touch(fw)
    return ok({ ...rule })
  }))

  router.put(`${BASE}/:firewallId/rules/:ruleId`, withFw((fw, req) => {
    const rule = fw.rules.find(r => String(r.id) === req.params.ruleId)
    if (!rule) return fail(404, 'Firewall rule not found')
    const body = (req.body ?? {}) as Record<string, unknown>
    const bad = ruleErrors(body)
    if (bad) return bad
    Object.assign(rule, { protocol: body.protocol, port: body.port, source: body.source, source_detail: body.source_detail })
    touch(fw)
    return ok({ ...rule })
  }))

  router.delete(`${BASE}/:firewallId/rules/:ruleId`, withFw((fw, req) => {
    const before = fw.rules.length
    fw.rules = fw.rules.filter(r => String(r.id) !== req.params.ruleId)
    if (fw.rules.length === before) return fail(404, 'Firewall rule not found')
    touch(fw)
    return ok({ message: 'Request accepted' })
  }))

  router.post(`${BASE}/:firewallId/activate/:virtualMachineId`, withFwVm((fw, vm) => {
    if (vm.firewall_group_id === fw.id) return refused('Firewall is already active on this virtual machine.')
    // One active firewall per VM: activating another replaces it.
    vm.firewall_group_id = fw.id
    fw.syncedAt = Date.now()
    return action(vm, 'firewall_activate')
  }))

  router.post(`${BASE}/:firewallId/deactivate/:virtualMachineId`, withFwVm((fw, vm) => {
    if (vm.firewall_group_id !== fw.id) return refused('Firewall is not active on this virtual machine.')
    vm.firewall_group_id = null
    return action(vm, 'firewall_deactivate')
  }))

  router.post(`${BASE}/:firewallId/sync/:virtualMachineId`, withFwVm((fw, vm) => {
    if (vm.firewall_group_id !== fw.id) return refused('Firewall is not active on this virtual machine.')
    fw.syncedAt = Math.max(Date.now(), fw.updatedAt)
    return action(vm, 'firewall_sync')
  }))
}
