/**
 * Inferno simulator state: the seed fixture and the rules that move it on with time.
 *
 * Inferno is WHMCS-flavoured: a server is an *order* (orderid) with an invoice and a service
 * (productids); the VPS only exists once the order is paid and `install` ran. Nothing here uses
 * timers: each request first calls `settle(state, now)` (payments) and reads VPS states through
 * `realState(vps, now)`, both computed from "ends at" timestamps.
 */

export interface Product {
  pid: number
  name: string
  /** Money is a string upstream ("5.00"). */
  price: string
  billingcycle: string
  cpu: number
  ram: number
  disk: number
}

export type OrderStatus = 'Pending' | 'Active' | 'Cancelled'

/** Which transition a VPS is in; each shows its own `real_state` word until it ends. */
export type VpsBusy = 'install' | 'reinstall' | 'boot' | 'stop' | 'reboot'

export interface Vps {
  main_id: number
  vps_name: string
  ip: string
  password: string
  ostpl: string
  sshkeyIds: number[]
  /** Where the VPS ends up once `busy` is over. */
  power: 'on' | 'off'
  busy: { kind: VpsBusy, until: number } | null
}

export interface Order {
  id: number
  ordernum: string
  invoiceid: number
  /** The service id (`productids` in the create answer). */
  serviceid: number
  pid: number
  amount: string
  status: OrderStatus
  createdAt: number
  /** When the simulated payment goes through; null = never (left unpaid). */
  payAt: number | null
  vps: Vps | null
}

export interface SshKey { id: number, name: string, sshkey: string }

export interface InfernoState {
  cid: string
  balance: number
  products: Product[]
  /** Template name → display name (`ostpls` is keyed by name upstream). */
  ostpls: Record<string, string>
  orders: Order[]
  sshkeys: SshKey[]
  next: { order: number, invoice: number, service: number, mainId: number, ipOctet: number, sshkey: number }
}

/** `real_state` words. Only "Включен" appears in the provider's doc; the others follow its style. */
export const REAL_STATE = {
  on: 'Включен',
  off: 'Выключен',
  install: 'Устанавливается',
  reinstall: 'Переустанавливается',
  boot: 'Включается',
  stop: 'Выключается',
  reboot: 'Перезагружается',
} as const

export function seedState(now = Date.now()): InfernoState {
  const day = 86_400_000
  return {
    cid: '777',
    balance: 150,
    products: [
      { pid: 303, name: 'Linux Lite', price: '5.00', billingcycle: 'monthly', cpu: 1, ram: 1024, disk: 20 },
      { pid: 304, name: 'Linux Start', price: '10.00', billingcycle: 'monthly', cpu: 2, ram: 2048, disk: 40 },
      { pid: 305, name: 'Linux Pro', price: '20.00', billingcycle: 'monthly', cpu: 4, ram: 8192, disk: 80 },
    ],
    ostpls: {
      'debian12-64-default': 'Debian 12 x64',
      'ubuntu22-64-default': 'Ubuntu 22.04 x64',
      'ubuntu24-64-default': 'Ubuntu 24.04 x64',
      'centos7-64-default': 'CentOS 7 x64',
      'almalinux9-64-default': 'AlmaLinux 9 x64',
    },
    orders: [
      {
        id: 47012, ordernum: '8634521100', invoiceid: 365900, serviceid: 49650, pid: 303, amount: '5.00',
        status: 'Active', createdAt: now - 40 * day, payAt: now - 40 * day,
        vps: { main_id: 21968, vps_name: '37-1-0-111', ip: '37.1.0.111', password: 'Xk3vP9qLm2Rw', ostpl: 'debian12-64-default', sshkeyIds: [1], power: 'on', busy: null },
      },
      {
        id: 47013, ordernum: '8634522200', invoiceid: 365901, serviceid: 49651, pid: 304, amount: '10.00',
        status: 'Active', createdAt: now - 20 * day, payAt: now - 20 * day,
        vps: { main_id: 21969, vps_name: '37-1-0-112', ip: '37.1.0.112', password: 'Tq8sW4nZc7Jy', ostpl: 'ubuntu22-64-default', sshkeyIds: [], power: 'off', busy: null },
      },
      {
        // Left unpaid: stays Pending until cancelled.
        id: 47200, ordernum: '8634530000', invoiceid: 366000, serviceid: 49700, pid: 305, amount: '20.00',
        status: 'Pending', createdAt: now - 2 * day, payAt: null, vps: null,
      },
    ],
    sshkeys: [
      { id: 1, name: 'laptop', sshkey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOv24mfD6GPmxuFjtpVTC7jO5Rq9J/RyTqeYiiTK7gGe admin@laptop' },
    ],
    next: { order: 47201, invoice: 366001, service: 49701, mainId: 21970, ipOctet: 113, sshkey: 2 },
  }
}

/** Simulated payment: a Pending order is paid at `payAt` if the balance covers it, else stays unpaid. */
export function settle(state: InfernoState, now: number) {
  for (const o of state.orders) {
    if (o.status !== 'Pending' || o.payAt === null || o.payAt > now) continue
    const amount = Number(o.amount)
    if (state.balance >= amount) {
      state.balance = Math.round((state.balance - amount) * 100) / 100
      o.status = 'Active'
    }
    else o.payAt = null
  }
}

export function realState(vps: Vps, now: number): string {
  if (vps.busy && vps.busy.until > now) return REAL_STATE[vps.busy.kind]
  return REAL_STATE[vps.power]
}

export function isBusy(vps: Vps, now: number) {
  return !!vps.busy && vps.busy.until > now
}

export function randomPassword() {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
  let out = ''
  for (let i = 0; i < 12; i++) out += chars[Math.floor(Math.random() * chars.length)]
  return out
}

export function productOf(state: InfernoState, pid: number) {
  return state.products.find(p => p.pid === pid)
}

/**
 * A new order that is never paid (test support): the seed has one such order, and more than one
 * test wants to cancel one. Reached through `POST /__sandbox/inferno/unpaid-order`.
 */
export function addUnpaidOrder(state: InfernoState, now = Date.now()): Order {
  // Numbered from the same counters as a bought order: an id taken past them was handed out
  // again by the next purchase, and that order was never paid (it was this one).
  const id = state.next.order++
  const order: Order = {
    id, ordernum: String(8634530000 + (id - 47200) * 100), invoiceid: state.next.invoice++,
    serviceid: state.next.service++, pid: 305, amount: '20.00', status: 'Pending', createdAt: now, payAt: null, vps: null,
  }
  state.orders.push(order)
  return order
}
