/**
 * /api/vps/v1/virtual-machines…: list, details, purchase (+ setup), setup, power, recreate,
 * actions and attached keys. Power calls follow the spec: starting a running VM (or stopping a
 * stopped one) is accepted and does nothing; acting on a VM that is locked by another action, or
 * in a state that cannot take the action, is refused with a 422 without field errors.
 */
import type { Router, SimRequest, SimResponse } from '../../core/router'
import { Errors, fail, ok, refused } from './respond'
import { applySetup, validateSetup, type SetupRequest } from './setup'
import { iso, type HostingerState, type SimVm, type VmState } from './state'

const BASE = '/api/vps/v1/virtual-machines'
const PER_PAGE = 15

const vmNotFound = () => fail(404, 'Virtual machine not found')

const STRONG_PASSWORD = [
  { re: /.{12,}/, msg: 'must be at least 12 characters' },
  { re: /[A-Z]/, msg: 'must contain at least one uppercase letter' },
  { re: /[a-z]/, msg: 'must contain at least one lowercase letter' },
  { re: /\d/, msg: 'must contain at least one number' },
]

export function registerVmRoutes(router: Router, state: HostingerState) {
  const withVm = (fn: (vm: SimVm, req: SimRequest) => SimResponse) => (req: SimRequest) => {
    const vm = state.findVm(req.params.id)
    return vm ? fn(vm, req) : vmNotFound()
  }

  /** Why `vm` cannot take `action` now, or null. */
  function blocked(vm: SimVm, action: string, allowed: VmState[]): SimResponse | null {
    const now = Date.now()
    const current = state.stateOf(vm, now)
    if (state.isLocked(vm, now)) return refused(`Virtual machine is locked: another action is in progress (state: ${current}). Try again when it completes.`)
    if (!allowed.includes(current)) return refused(`Virtual machine cannot ${action} in its current state (state: ${current})`)
    return null
  }

  /** Start/stop: already there (or on the way) → accepted, no effect. */
  function power(vm: SimVm, name: 'start' | 'stop'): SimResponse {
    const now = Date.now()
    const current = state.stateOf(vm, now)
    const [target, via, from] = name === 'start'
      ? ['running', 'starting', ['stopped', 'error']] as const
      : ['stopped', 'stopping', ['running', 'error']] as const
    if (current === target || current === via) return ok(state.actionResource(state.addAction(vm, name, now, now), now))
    const no = blocked(vm, name, [...from])
    if (no) return no
    const doneAt = state.startTransition(vm, [{ state: via, ms: state.transitionMs }], target, now)
    return ok(state.actionResource(state.addAction(vm, name, doneAt, now), now))
  }

  router.get(BASE, () => ok(state.vms.map(vm => state.vmResource(vm))))
  router.get(`${BASE}/:id`, withVm(vm => ok(state.vmResource(vm))))

  router.post(BASE, (req) => {
    const body = (req.body ?? {}) as { item_id?: unknown, payment_method_id?: unknown, setup?: unknown, coupons?: unknown }
    const errors = new Errors()
    let price: ReturnType<HostingerState['findPrice']>
    if (errors.required('item_id', body.item_id) && errors.string('item_id', body.item_id)) {
      price = state.findPrice(body.item_id as string)
      if (!price || price.item.category !== 'VPS') errors.invalid('item_id')
    }
    let pm = state.paymentMethods.find(p => p.is_default)
    if (body.payment_method_id !== undefined && errors.integer('payment_method_id', body.payment_method_id)) {
      pm = state.paymentMethods.find(p => p.id === body.payment_method_id)
      if (!pm) errors.invalid('payment_method_id')
      else if (pm.is_expired || pm.is_suspended) errors.add('payment_method_id', 'The selected payment method cannot be charged.')
    }
    if (errors.required('setup', body.setup)) {
      if (typeof body.setup !== 'object' || Array.isArray(body.setup)) errors.add('setup', 'The setup field must be an object.')
      else validateSetup(state, body.setup as SetupRequest, errors, 'setup.')
    }
    const invalid = errors.response()
    if (invalid) return invalid
    if (!pm) return refused('No default payment method: add one in hPanel or pass payment_method_id')

    const now = Date.now()
    const { item, price: p } = price!
    const subscription = {
      id: `Azz${Math.random().toString(36).slice(2, 16).padEnd(14, '0')}`,
      name: item.name, status: 'active' as const, billing_period: p.period, billing_period_unit: p.period_unit,
      currency_code: p.currency, total_price: p.first_period_price, renewal_price: p.price, is_auto_renewed: true,
      created_at: iso(now), expires_at: null, next_billing_at: null,
    }
    state.subscriptions.push(subscription)
    const md = item.metadata ?? {}
    const vm: SimVm = {
      id: state.nextId(1_300_000), firewall_group_id: null, subscription_id: subscription.id, data_center_id: null,
      plan: item.name, hostname: '', state: 'initial', cpus: Number(md.cpus ?? 1), memory: Number(md.memory ?? 4096),
      disk: Number(md.disk_space ?? 51200), bandwidth: Number(md.bandwidth ?? 4194304), ns1: null, ns2: null,
      ipv4: null, ipv6: null, template_id: null, created_at: iso(now), public_key_ids: [], actions: [],
    }
    vm.hostname = `srv${vm.id}.hstgr.cloud`
    state.vms.push(vm)
    applySetup(state, vm, body.setup as SetupRequest, now)
    const order = {
      id: state.nextId(2_957_000), subscription_id: subscription.id, status: 'completed' as const, currency: p.currency,
      subtotal: p.first_period_price, total: Math.round(p.first_period_price * 1.21), created_at: iso(now),
    }
    state.orders.push(order)
    return ok({
      order: {
        ...order,
        billing_address: { first_name: 'Sandbox', last_name: 'Customer', company: null, address_1: null, address_2: null, city: null, state: null, zip: null, country: 'NL', phone: null, email: 'sandbox@example.com' },
        updated_at: iso(now),
      },
      virtual_machine: state.vmResource(vm, now),
    })
  })

  router.post(`${BASE}/:id/setup`, withVm((vm, req) => {
    const errors = new Errors()
    validateSetup(state, (req.body ?? {}) as SetupRequest, errors)
    const invalid = errors.response()
    if (invalid) return invalid
    const no = blocked(vm, 'be set up', ['initial'])
    if (no) return no
    applySetup(state, vm, req.body as SetupRequest)
    return ok(state.vmResource(vm))
  }))

  router.post(`${BASE}/:id/start`, withVm(vm => power(vm, 'start')))
  router.post(`${BASE}/:id/stop`, withVm(vm => power(vm, 'stop')))
  router.post(`${BASE}/:id/restart`, withVm((vm) => {
    const no = blocked(vm, 'restart', ['running', 'stopped', 'error'])
    if (no) return no
    const now = Date.now()
    const half = Math.max(1, Math.round(state.transitionMs / 2))
    const doneAt = state.startTransition(vm, [{ state: 'stopping', ms: half }, { state: 'starting', ms: half }], 'running', now)
    return ok(state.actionResource(state.addAction(vm, 'restart', doneAt, now), now))
  }))

  router.post(`${BASE}/:id/recreate`, withVm((vm, req) => {
    const body = (req.body ?? {}) as { template_id?: unknown, password?: unknown, panel_password?: unknown, post_install_script_id?: unknown }
    const errors = new Errors()
    if (errors.required('template_id', body.template_id) && errors.integer('template_id', body.template_id)) {
      if (!state.templates.some(t => t.id === body.template_id)) errors.invalid('template_id')
    }
    if (body.password !== undefined && errors.string('password', body.password)) {
      for (const rule of STRONG_PASSWORD) if (!rule.re.test(body.password as string)) errors.add('password', `The password field ${rule.msg}.`)
    }
    const invalid = errors.response()
    if (invalid) return invalid
    const no = blocked(vm, 'be recreated', ['running', 'stopped', 'error'])
    if (no) return no
    const now = Date.now()
    vm.template_id = body.template_id as number
    if (typeof body.password === 'string') vm.password = body.password
    const doneAt = state.startTransition(vm, [{ state: 'recreating', ms: state.transitionMs }], 'running', now)
    return ok(state.actionResource(state.addAction(vm, 'recreate', doneAt, now), now))
  }))

  router.get(`${BASE}/:id/actions`, withVm((vm, req) => {
    const page = Math.max(1, Number(req.query.page ?? 1) || 1)
    const all = [...vm.actions].reverse()
    return ok({ data: all.slice((page - 1) * PER_PAGE, page * PER_PAGE).map(a => state.actionResource(a)), meta: { current_page: page, per_page: PER_PAGE, total: all.length } })
  }))
  router.get(`${BASE}/:id/actions/:actionId`, withVm((vm, req) => {
    const a = vm.actions.find(x => String(x.id) === req.params.actionId)
    return a ? ok(state.actionResource(a)) : fail(404, 'Action not found')
  }))

  router.get(`${BASE}/:id/public-keys`, withVm((vm, req) => {
    const page = Math.max(1, Number(req.query.page ?? 1) || 1)
    const keys = state.publicKeys.filter(k => vm.public_key_ids.includes(k.id))
    return ok({ data: keys.slice((page - 1) * PER_PAGE, page * PER_PAGE), meta: { current_page: page, per_page: PER_PAGE, total: keys.length } })
  }))
}
