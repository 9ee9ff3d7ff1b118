/** `install`, `reinstall`, `getinfo`, `boot`, `stop`, `reboot`. */
import type { SimResponse } from '../../core/router'
import type { Action, ActionCtx } from './actions-billing'
import { fail, ok } from './protocol'
import { isBusy, randomPassword, realState, type Order, type VpsBusy } from './state'

const NOT_INSTALLED = 'VPS is not installed for this order'
const IN_PROGRESS = 'Operation in progress, try again later'

function liveOrder(c: ActionCtx): Order | undefined {
  return c.state.orders.find(o => String(o.id) === c.p.orderid && o.status !== 'Cancelled')
}

/**
 * The doc shows install answers as a PHP dump: `method`, `result`, `msg`, and `retx` from the
 * virtualisation backend ("VSCD"), or `msg` + `error_code` 904 when the VPS already exists.
 */
function setup(kind: 'install' | 'reinstall'): Action {
  const method = kind === 'install' ? 'createVPS' : 'reinstallVPS'
  return (c) => {
    const { state, p, now, transitionMs } = c
    const order = liveOrder(c)
    if (!order) return fail('Order ID not found')
    if (order.status !== 'Active') return fail('Order is not paid')
    if (!p.ostpl || !(p.ostpl in state.ostpls)) return fail(`Invalid template (ostpl): ${p.ostpl ?? ''}`)
    const ids = (p.sshkey_ids ?? '').split(',').map(s => s.trim()).filter(Boolean)
    const unknown = ids.filter(id => !state.sshkeys.some(k => String(k.id) === id))
    if (unknown.length) return fail(`Invalid sshkey_ids: ${unknown.join(',')}`)
    if (kind === 'install' && order.vps) {
      return { json: { method, result: 'fail', msg: `Vps exists with current main_id (${order.vps.main_id}) , W:${order.id}`, error_code: 904 } }
    }
    if (kind === 'reinstall' && !order.vps) return fail(NOT_INSTALLED)
    if (order.vps && isBusy(order.vps, now)) return fail(IN_PROGRESS)
    if (p.run !== '1') {
      return { json: { method, result: 'success', msg: 'ok', retx: { result: 'success', msg: 'VSCD: parameters OK, nothing started (run=0)', error_code: 0 } } }
    }
    const sshkeyIds = ids.map(Number)
    if (order.vps) {
      Object.assign(order.vps, { ostpl: p.ostpl, sshkeyIds, password: randomPassword(), power: 'on', busy: { kind, until: now + transitionMs } })
    }
    else {
      const octet = state.next.ipOctet++
      order.vps = {
        main_id: state.next.mainId++, vps_name: `37-1-0-${octet}`, ip: `37.1.0.${octet}`, password: randomPassword(),
        ostpl: p.ostpl, sshkeyIds, power: 'on', busy: { kind, until: now + transitionMs },
      }
    }
    return { json: { method, result: 'success', msg: 'ok', retx: { result: 'success', msg: 'VSCD: VPS added to queue', error_code: 0 } } }
  }
}

export const install = setup('install')
export const reinstall = setup('reinstall')

/** By `orderid`, or `orderid=0` plus `ip` (the doc's alternative). */
export const getinfo: Action = (c) => {
  const { state, p, now } = c
  const order = p.orderid && p.orderid !== '0'
    ? liveOrder(c)
    : state.orders.find(o => o.status !== 'Cancelled' && o.vps?.ip === p.ip)
  if (!order) return fail('Order ID not found')
  const vps = order.vps
  return ok({
    orderid: order.id,
    orderStatus: order.status,
    productStatus: order.status,
    dedicatedip: '',
    vps_info: vps
      ? { result: 'success', message: '', main_id: String(vps.main_id), vps_name: vps.vps_name, ip: vps.ip, real_state: realState(vps, now), vps_password: vps.password }
      : { result: 'fail', message: 'VPS not found' },
  })
}

function power(kind: Exclude<VpsBusy, 'install' | 'reinstall'>): Action {
  return (c): SimResponse => {
    const order = liveOrder(c)
    if (!order) return fail('Order ID not found')
    const vps = order.vps
    if (!vps) return fail(NOT_INSTALLED)
    if (isBusy(vps, c.now)) return fail(IN_PROGRESS)
    if (kind === 'boot' && vps.power === 'on') return fail('VPS is already running')
    if (kind === 'stop' && vps.power === 'off') return fail('VPS is already stopped')
    if (kind === 'reboot' && vps.power === 'off') return fail('VPS is stopped, boot it instead')
    vps.power = kind === 'stop' ? 'off' : 'on'
    vps.busy = { kind, until: c.now + c.transitionMs }
    return ok({ message: 'Task added to queue' })
  }
}

export const boot = power('boot')
export const stop = power('stop')
export const reboot = power('reboot')
