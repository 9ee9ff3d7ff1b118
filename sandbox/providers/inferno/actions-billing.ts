/** `list`, `balance`, `create`, `orders`, `cancel`, `services`, `getService`. */
import { fail, isoDate, ok, type Params } from './protocol'
import { productOf, type InfernoState, type Order } from './state'

export interface ActionCtx { state: InfernoState, p: Params, now: number, transitionMs: number }
export type Action = (c: ActionCtx) => import('../../core/router').SimResponse

const money = (n: number) => n.toFixed(2)

export const list: Action = ({ state }) => ok({
  ostpls: { ...state.ostpls },
  products: state.products.map(p => ({
    pid: String(p.pid), name: p.name, price: p.price, billingcycle: p.billingcycle,
    cpu: String(p.cpu), ram: String(p.ram), disk: String(p.disk),
  })),
})

export const balance: Action = ({ state }) => ok({ balance: money(state.balance) })

/** Buys a product: a Pending order whose (simulated) payment lands after `transitionMs`. */
export const create: Action = ({ state, p, now, transitionMs }) => {
  const product = productOf(state, Number(p.pid))
  if (!p.pid || !product) return fail('Invalid product ID')
  const id = state.next.order++
  const order: Order = {
    id,
    ordernum: String(8634530000 + (id - 47200) * 100),
    invoiceid: state.next.invoice++,
    serviceid: state.next.service++,
    pid: product.pid,
    amount: product.price,
    status: 'Pending',
    createdAt: now,
    payAt: now + transitionMs,
    vps: null,
  }
  state.orders.push(order)
  return ok({ orderid: order.id, invoiceid: order.invoiceid, productids: String(order.serviceid) })
}

/** Active and unpaid orders, keyed by order id, every value a string (as in the doc). */
export const orders: Action = ({ state }) => {
  const out: Record<string, Record<string, string>> = {}
  for (const o of state.orders) {
    if (o.status === 'Cancelled') continue
    out[String(o.id)] = { id: String(o.id), ordernum: o.ordernum, amount: o.amount, invoiceid: String(o.invoiceid), status: o.status }
  }
  return ok({ orders: out })
}

export const cancel: Action = ({ state, p }) => {
  const order = state.orders.find(o => String(o.id) === p.orderid)
  if (!order || order.status !== 'Pending') return fail('Order ID not found or Status not Pending')
  order.status = 'Cancelled'
  order.payAt = null
  return ok()
}

function nextDue(o: Order, now: number) {
  if (o.status !== 'Active') return isoDate(o.createdAt)
  const d = new Date(o.createdAt)
  while (d.getTime() <= now) d.setUTCMonth(d.getUTCMonth() + 1)
  return isoDate(d.getTime())
}

function service(state: InfernoState, o: Order, now: number) {
  const product = productOf(state, o.pid)
  return {
    id: String(o.serviceid),
    orderid: String(o.id),
    pid: String(o.pid),
    name: product?.name ?? '',
    domain: o.vps?.vps_name ?? '',
    dedicatedip: o.vps?.ip ?? '',
    status: o.status,
    regdate: isoDate(o.createdAt),
    nextduedate: nextDue(o, now),
    amount: o.amount,
    billingcycle: product?.billingcycle ?? 'monthly',
  }
}

/** Shape not documented; WHMCS-like, which the order/invoice/service ids suggest. */
export const services: Action = ({ state, now }) => ok({ services: state.orders.map(o => service(state, o, now)) })

export const getService: Action = ({ state, p, now }) => {
  const o = state.orders.find(x => String(x.serviceid) === p.serviceid)
  if (!o) return fail('Service not found')
  const product = productOf(state, o.pid)
  return ok({
    service: {
      ...service(state, o, now),
      cpu: String(product?.cpu ?? ''), ram: String(product?.ram ?? ''), disk: String(product?.disk ?? ''),
      ostpl: o.vps?.ostpl ?? '',
    },
  })
}
