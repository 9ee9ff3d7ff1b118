/** Inferno answers → our models. Every value upstream is a string ("5.00", "47200"). */
import { createHash } from 'node:crypto'
import type { CatalogItem, OsTemplate, PlanOffer, ServerRecord, ServerStatus, Subscription, UpstreamOrder, UpstreamSshKey } from '../types'
import type { GetInfo, OrderEntry, ProductEntry, ServiceEntry, SshKeyEntry } from './upstream'

/**
 * Provider words → our status. Two vocabularies share it:
 * - `vps_info.real_state` of an installed VPS (Russian). Only "Включен" is in the doc; the rest
 *   are the panel's words for the other states, plus English fallbacks.
 * - the order status, used while no VPS is installed: an unpaid (Pending) order and a paid
 *   (Active) order still waiting for `install` are both a server that is not there yet.
 */
export const STATUS_MAP: Record<string, ServerStatus> = {
  'Включен': 'running',
  'Включён': 'running',
  'Выключен': 'stopped',
  'Остановлен': 'stopped',
  'Включается': 'pending',
  'Выключается': 'pending',
  'Устанавливается': 'pending',
  'Переустанавливается': 'pending',
  'Установка': 'pending',
  'Перезагружается': 'rebooting',
  'Перезагрузка': 'rebooting',
  'Приостановлен': 'suspended',
  'Заблокирован': 'suspended',
  'Ошибка': 'error',
  'running': 'running',
  'stopped': 'stopped',
  // order / product statuses
  'Pending': 'pending',
  'Active': 'pending',
  'Suspended': 'suspended',
  'Fraud': 'error',
  'Terminated': 'error',
}

/**
 * Word stems for `real_state` values not in the map (the doc shows only "Включен"): an ongoing
 * "…ается/…ется" process is a transition. Anything else stays `unknown`, and the provider's
 * word travels beside it as `rawStatus`, never as our status.
 */
const STATUS_STEMS: [RegExp, ServerStatus][] = [
  [/перезагруж/i, 'rebooting'],
  [/приостановлен|заблокирован/i, 'suspended'],
  [/ошибк|сбой/i, 'error'],
  [/(а|е|я)ется$|ётся$|установк/i, 'pending'],
  [/^включ[её]н/i, 'running'],
  [/^(выключ|останов)/i, 'stopped'],
]

export function mapStatus(raw: string | null | undefined): ServerStatus {
  if (!raw) return 'unknown'
  const word = raw.trim()
  return STATUS_MAP[raw] ?? STATUS_MAP[word] ?? STATUS_STEMS.find(([re]) => re.test(word))?.[1] ?? 'unknown'
}

export function parseNum(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v !== 'string' || v.trim() === '') return null
  const n = Number(v.replace(',', '.'))
  return Number.isFinite(n) ? n : null
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v))

/** A collection upstream may be an array or an object keyed by id/name (`orders` is). */
export function entries<T>(v: unknown): [string, T][] {
  if (Array.isArray(v)) return v.map((x, i) => [String(i), x as T])
  if (v && typeof v === 'object') return Object.entries(v as Record<string, T>)
  return []
}

// ---------- orders and servers ----------

export function orderEntries(body: { orders?: unknown }): OrderEntry[] {
  return entries<OrderEntry>(body.orders).map(([key, o]) => ({ ...o, id: str(o?.id ?? key) }))
}

export function hasVps(info: GetInfo): boolean {
  return info.vps_info?.result === 'success' && !!(info.vps_info.main_id || info.vps_info.ip)
}

const EMPTY_SERVER = { hostname: null, ipv6: [], os: null, vcpus: null, memoryMb: null, diskGb: null, region: null, plan: null, createdAt: null }

/** An order without an installed VPS, from the `orders` list or a create answer. */
export function mapOrderAsServer(order: OrderEntry, extra: Record<string, unknown> = {}): ServerRecord {
  const raw = order.status ?? 'Pending'
  return {
    ...EMPTY_SERVER,
    upstreamId: order.id,
    name: `Inferno order ${order.id}`,
    status: mapStatus(raw),
    rawStatus: raw,
    ipv4: [],
    plan: (extra.pid as string | undefined) ?? null,
    extra: { order, ...extra },
  }
}

/** `getinfo`: the VPS's `real_state` once installed, else the order status. A suspended product wins. */
export function mapServerInfo(id: string, info: GetInfo, order?: OrderEntry): ServerRecord {
  const vps = hasVps(info) ? info.vps_info! : null
  let raw = vps?.real_state || info.orderStatus || order?.status || ''
  if (info.productStatus === 'Suspended') raw = 'Suspended'
  const ips = [vps?.ip, info.dedicatedip].filter((x): x is string => !!x && x.trim() !== '')
  return {
    ...EMPTY_SERVER,
    upstreamId: id,
    name: vps?.vps_name || `Inferno order ${id}`,
    status: mapStatus(raw),
    rawStatus: raw,
    ipv4: [...new Set(ips.filter(ip => !ip.includes(':')))],
    ipv6: [...new Set(ips.filter(ip => ip.includes(':')))],
    // The password stays out of `extra`: it is only handed out by getRootPassword.
    extra: { ...info, vps_info: vps ? { ...vps, vps_password: undefined } : info.vps_info, order },
  }
}

export function mapOrder(o: OrderEntry, currency: string): UpstreamOrder {
  return {
    id: o.id,
    number: o.ordernum ? str(o.ordernum) : null,
    amount: parseNum(o.amount),
    currency,
    status: str(o.status),
    cancellable: o.status === 'Pending',
    extra: o,
  }
}

// ---------- catalog ----------

export function productEntries(body: { products?: unknown }): ProductEntry[] {
  return entries<ProductEntry>(body.products).map(([key, p]) => ({ ...p, pid: str(p?.pid ?? key) }))
}

/** A server record with its product's resources and name, where they are known. */
export function withProduct(r: ServerRecord, product: ProductEntry | undefined, currency: string): ServerRecord {
  if (!product) return r
  const plan = mapPlan(product, currency)
  return { ...r, vcpus: r.vcpus ?? plan.vcpus, memoryMb: r.memoryMb ?? plan.memoryMb, diskGb: r.diskGb ?? plan.diskGb, plan: plan.name }
}

export function mapPlan(p: ProductEntry, currency: string): PlanOffer {
  return {
    id: str(p.pid),
    name: p.name || `Product ${p.pid}`,
    vcpus: parseNum(p.cpu ?? p.cores),
    memoryMb: parseNum(p.ram ?? p.memory),
    diskGb: parseNum(p.disk ?? p.hdd ?? p.ssd),
    price: parseNum(p.price),
    currency,
    period: p.billingcycle ?? null,
    extra: p,
  }
}

export function mapCatalogItem(p: ProductEntry, currency: string): CatalogItem {
  const plan = mapPlan(p, currency)
  const specs = [plan.vcpus && `${plan.vcpus} vCPU`, plan.memoryMb && `${plan.memoryMb} MB RAM`, plan.diskGb && `${plan.diskGb} GB disk`].filter(Boolean)
  return {
    id: plan.id,
    name: plan.name,
    category: 'vps',
    price_cents: plan.price === null ? null : Math.round(plan.price * 100),
    currency,
    period: plan.period,
    description: specs.length ? specs.join(', ') : null,
    extra: p,
  }
}

/** `ostpls` is a list of names, or an object keyed by name (value: a label or an object). */
export function mapTemplates(ostpls: unknown): OsTemplate[] {
  const list: [string, unknown][] = Array.isArray(ostpls)
    ? ostpls.map(x => (typeof x === 'string' ? [x, x] : [str((x as { name?: string })?.name), x]))
    : entries<unknown>(ostpls)
  return list.filter(([id]) => id).map(([id, v]) => ({
    id,
    name: typeof v === 'string' ? v : str((v as { title?: string, name?: string })?.title ?? (v as { name?: string })?.name) || id,
    family: id.match(/^[a-z]+/i)?.[0]?.toLowerCase() ?? null,
    extra: v,
  }))
}

// ---------- ssh keys ----------

/** OpenSSH-style `SHA256:…` of the key blob, or null if the text is not a public key. */
export function sshFingerprint(publicKey: string | null | undefined): string | null {
  const blob = publicKey?.trim().split(/\s+/)[1]
  if (!blob || !/^[A-Za-z0-9+/]+={0,3}$/.test(blob)) return null
  const bytes = Buffer.from(blob, 'base64')
  if (bytes.length < 16) return null
  return `SHA256:${createHash('sha256').update(bytes).digest('base64').replace(/=+$/, '')}`
}

export function mapSshKey(k: SshKeyEntry): UpstreamSshKey {
  const text = k.sshkey ?? k.key ?? k.public_key ?? null
  return { id: str(k.id), name: str(k.name), fingerprint: k.fingerprint ?? sshFingerprint(text), public_key: text }
}

// ---------- services ----------

/** What `services`/`getService` say about one service (their shape is not documented: read defensively). */
export interface InfernoService {
  id: string
  orderId: string | null
  planId: string | null
  name: string
  status: string
  ip: string | null
  registeredAt: string | null
  nextDueAt: string | null
  amount: number | null
  billingCycle: string | null
  extra: unknown
}

export function mapService(s: ServiceEntry): InfernoService {
  const date = (v?: string) => (v && v !== '0000-00-00' ? v : null)
  return {
    id: str(s.id),
    orderId: s.orderid ? str(s.orderid) : null,
    planId: s.pid ? str(s.pid) : null,
    name: str(s.name || s.domain),
    status: str(s.status),
    ip: s.dedicatedip || null,
    registeredAt: date(s.regdate),
    nextDueAt: date(s.nextduedate),
    amount: parseNum(s.amount),
    billingCycle: s.billingcycle ?? null,
    extra: s,
  }
}

export function mapSubscription(s: InfernoService, currency: string): Subscription {
  return {
    id: s.id,
    name: s.name,
    status: s.status,
    plan: s.planId,
    price: s.amount,
    currency,
    renews_at: s.status === 'Active' ? s.nextDueAt : null,
    created_at: s.registeredAt,
    extra: s.extra,
  }
}

// ---------- balance ----------

const NOT_AMOUNTS = new Set(['result', 'cid', 'message', 'msg', 'error_code', 'currency'])
const BALANCE_NAMES = ['balance', 'amount', 'credit', 'sum', 'money', 'available', 'funds']

/** "150.00", 150, "150,00 EUR", "€150.00" → amount and currency (when the text names one). */
function moneyOf(v: unknown): { amount: number, currency: string | null } | null {
  if (typeof v === 'number') return Number.isFinite(v) ? { amount: v, currency: null } : null
  if (typeof v !== 'string') return null
  const m = /^\s*([€$₽£])?\s*(-?\d+(?:[.,]\d+)?)\s*([A-Za-z]{3}|[€$₽£])?\s*$/.exec(v)
  if (!m) return null
  const symbol = m[1] ?? m[3]
  const currency = symbol ? ({ '€': 'EUR', '$': 'USD', '₽': 'RUB', '£': 'GBP' } as Record<string, string>)[symbol] ?? symbol.toUpperCase() : null
  return { amount: Number(m[2]!.replace(',', '.')), currency }
}

/**
 * The `balance` answer. The doc gives no field names, so this looks for a likely name first
 * (`balance`, `amount`, `credit`, …, also one level down), then for the only numeric field.
 * Null when nothing reads as an amount: the caller shows "unknown" rather than failing.
 */
export function parseBalance(body: unknown): { amount: number, currency: string | null } | null {
  if (!body || typeof body !== 'object') return moneyOf(body)
  const b = body as Record<string, unknown>
  const currency = typeof b.currency === 'string' && b.currency ? b.currency : null
  for (const name of BALANCE_NAMES) {
    const v = b[name]
    if (v && typeof v === 'object') {
      const inner = parseBalance(v)
      if (inner) return { amount: inner.amount, currency: inner.currency ?? currency }
    }
    const m = moneyOf(v)
    if (m) return { amount: m.amount, currency: m.currency ?? currency }
  }
  const numeric = Object.entries(b).filter(([k]) => !NOT_AMOUNTS.has(k)).map(([, v]) => moneyOf(v)).filter(x => x !== null)
  return numeric.length === 1 ? { amount: numeric[0]!.amount, currency: numeric[0]!.currency ?? currency } : null
}
