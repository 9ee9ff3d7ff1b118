/**
 * Virtua.cloud records → our models. The API sends numbers as strings ("2", "93.6425"),
 * flags as "0"/"1" and nulls freely, so every field goes through `num`/`flag`.
 */
import type { Balance, CatalogItem, Datacenter, OsTemplate, PlanOffer, ServerRecord, ServerStatus, UsageLimit } from '../types'
import type { VAccount, VirtuaZone, VLimits, VOffer, VServer, VSystem } from './upstream'

interface IpObject { ip?: unknown, address?: unknown, ip_address?: unknown }

/** Offers carry no currency; Virtua.cloud prices in EUR (its public catalog says so). */
export const PRICE_CURRENCY = 'EUR'

/**
 * Virtua's `status` words (the hypervisor's: a qemu VM is "running" or "stopped") → ours.
 * The flags `is_suspended`, `is_error`, `is_processing` and `is_setup` take precedence; see
 * `serverStatus`.
 */
export const STATUS_MAP: Record<string, ServerStatus> = {
  running: 'running',
  stopped: 'stopped',
  paused: 'stopped',
  starting: 'pending',
  stopping: 'pending',
  installing: 'pending',
  creating: 'pending',
  pending: 'pending',
  processing: 'pending',
  rebuilding: 'pending',
  resizing: 'pending',
  restarting: 'rebooting',
  rebooting: 'rebooting',
  suspended: 'suspended',
  error: 'error',
  failed: 'error',
}

export function num(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null
  const n = typeof v === 'number' ? v : Number(String(v).trim())
  return Number.isFinite(n) ? n : null
}

export function flag(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || v === 'true'
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null
}

/** A zone code like `par01fr`: our data center id. */
const ZONE_CODE = /^[a-z]{3}\d{2}[a-z]{2}$/

function slug(s: string) {
  return s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

/** Zone id when no code is at hand: stable from the zone's own fields. */
function zoneSlug(zone: VirtuaZone | null | undefined): string | null {
  if (!zone) return null
  const s = slug([zone.country_code, zone.city_name, zone.datacenter_name].filter(Boolean).join(' '))
  return s || null
}

/** Offer uuids end with their zone code (`vcs-2-intel.par01fr`). */
export function offerZoneId(offer: VOffer): string | null {
  const suffix = String(offer.uuid ?? '').split('.').pop() ?? ''
  return String(offer.uuid ?? '').includes('.') && ZONE_CODE.test(suffix) ? suffix : zoneSlug(offer.cloud_zone)
}

/** Server names are `vs4023.par01fr.vsys.cloud`: the second label is the zone code. */
export function serverZoneId(raw: VServer): string | null {
  const label = String(raw.name ?? '').split('.')[1] ?? ''
  return ZONE_CODE.test(label) ? label : zoneSlug(raw.cloud_zone)
}

export function serverStatus(raw: VServer): ServerStatus {
  if (flag(raw.is_suspended)) return 'suspended'
  if (flag(raw.is_error)) return 'error'
  const setupUnfinished = raw.is_setup !== undefined && raw.is_setup !== null && !flag(raw.is_setup)
  if (flag(raw.is_processing) || setupUnfinished) return 'pending'
  return STATUS_MAP[String(raw.status ?? '').trim().toLowerCase()] ?? 'unknown'
}

/** The upstream status word plus the flags that override it, e.g. "stopped (processing: Installing system)". */
export function rawStatusOf(raw: VServer): string {
  const notes: string[] = []
  if (flag(raw.is_suspended)) notes.push(`suspended${str(raw.suspension_reason) ? `: ${raw.suspension_reason}` : ''}`)
  if (flag(raw.is_error)) notes.push('error')
  if (flag(raw.is_processing)) notes.push(`processing${str(raw.setup_step) ? `: ${raw.setup_step}` : ''}`)
  else if (raw.is_setup !== undefined && raw.is_setup !== null && !flag(raw.is_setup)) notes.push('not set up')
  const word = str(raw.status) ?? 'unknown'
  return notes.length ? `${word} (${notes.join(', ')})` : word
}

/**
 * IP addresses are not in the documented record. If the API adds them (as strings or as
 * `{ip|address}` objects under a few likely keys), pick them up; otherwise the lists are empty.
 */
function collectIps(raw: VServer): { ipv4: string[], ipv6: string[] } {
  const found: string[] = []
  const take = (v: unknown) => {
    if (typeof v === 'string' && v) found.push(v)
    else if (Array.isArray(v)) v.forEach(take)
    else if (v && typeof v === 'object') take((v as IpObject).ip ?? (v as IpObject).address ?? (v as IpObject).ip_address)
  }
  for (const key of ['ip_addresses', 'ips', 'ipv4', 'ipv6', 'ipv4_addresses', 'ipv6_addresses', 'main_ip', 'ip_address']) take(raw[key])
  const unique = [...new Set(found.map(s => s.trim()).filter(Boolean))]
  return { ipv4: unique.filter(a => !a.includes(':')), ipv6: unique.filter(a => a.includes(':')) }
}

/** "2020-02-10 13:53:53" (account timezone, no offset given) → "2020-02-10T13:53:53". */
export function isoish(v: unknown): string | null {
  const s = str(v)
  if (!s) return null
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(s) ? s.replace(' ', 'T') : s
}

export function mapServer(input: VServer): ServerRecord {
  const { success: _success, ...raw } = input
  const { ipv4, ipv6 } = collectIps(raw)
  return {
    upstreamId: String(raw.uuid),
    name: str(raw.label) ?? str(raw.hostname) ?? str(raw.name) ?? String(raw.uuid),
    // Without a custom hostname the machine is known by its vsys name.
    hostname: str(raw.hostname) ?? str(raw.name),
    status: serverStatus(raw),
    rawStatus: rawStatusOf(raw),
    ipv4,
    ipv6,
    os: str(raw.system?.name) ?? str(raw.system?.uuid),
    vcpus: num(raw.vcpus),
    memoryMb: num(raw.memory_size),
    diskGb: num(raw.root_space),
    region: serverZoneId(raw),
    plan: str(raw.offer?.uuid),
    createdAt: isoish(raw.start_time),
    extra: raw,
  }
}

export function mapPlan(o: VOffer): PlanOffer {
  return {
    id: String(o.uuid),
    name: str(o.name) ?? String(o.uuid),
    vcpus: num(o.vcpus),
    memoryMb: num(o.memory_size),
    diskGb: num(o.root_space),
    price: num(o.price_month),
    currency: PRICE_CURRENCY,
    period: 'month',
    region: offerZoneId(o),
    extra: o,
  }
}

/** Distinct cloud zones of the offers, in first-seen order. */
export function mapDatacenters(offers: VOffer[]): Datacenter[] {
  const out = new Map<string, Datacenter>()
  for (const o of offers) {
    const id = offerZoneId(o)
    const z: VirtuaZone = o.cloud_zone ?? {}
    if (!id || out.has(id)) continue
    const city = str(z.city_name)
    const dc = str(z.datacenter_name)
    out.set(id, {
      id,
      name: city && dc ? `${city} (${dc})` : city ?? dc ?? id,
      location: [city, str(z.country_name)].filter(Boolean).join(', ') || null,
      country: str(z.country_code),
      extra: z,
    })
  }
  return [...out.values()]
}

export function mapTemplate(s: VSystem): OsTemplate {
  return { id: String(s.uuid), name: str(s.name) ?? String(s.uuid), family: str(s.distribution), extra: s }
}

export function mapCatalogItem(o: VOffer): CatalogItem {
  const price = num(o.price_month)
  const memGb = num(o.memory_size)
  const specs = [
    num(o.vcpus) !== null && `${num(o.vcpus)} vCPU`,
    memGb !== null && `${memGb >= 1024 ? `${memGb / 1024} GB` : `${memGb} MB`} RAM`,
    num(o.root_space) !== null && `${num(o.root_space)} GB ${str(o.root_disk_type) ?? ''}`.trim(),
    num(o.bandwidth) !== null && `${num(o.bandwidth)} Mbps`,
    flag(o.is_windows_included) && 'Windows included',
  ].filter(Boolean)
  const zone = offerZoneId(o)
  return {
    id: String(o.uuid),
    name: zone ? `${str(o.name) ?? o.uuid} (${zone})` : str(o.name) ?? String(o.uuid),
    category: str(o.category) ?? 'cloud-server',
    price_cents: price === null ? null : Math.round(price * 100),
    currency: PRICE_CURRENCY,
    period: 'month',
    description: specs.join(', ') || null,
    extra: o,
  }
}

export function mapBalance(a: VAccount): Balance {
  return {
    amount: num(a.balance) ?? 0,
    currency: str(a.currency) ?? PRICE_CURRENCY,
    monthlyUsage: num(a.monthly_cloud_usage),
    monthlyEstimate: num(a.monthly_cloud_usage_estimate),
    todayUsage: num(a.today_cloud_usage),
    extra: a,
  }
}

const LIMIT_UNITS: Record<string, string | null> = {
  cloud_servers: null, vcpus: 'vCPU', memory_size: 'MB', root_space: 'GB', ip_address_v4: null, ip_address_v6: null,
}

/**
 * One entry per usage counter, with its limit when the account has one (else null).
 * Flags under `limits` such as `smtp_enabled` are permissions, not quantities, and are left out.
 */
export function mapLimits(body: VLimits | null | undefined): UsageLimit[] {
  const usage = body?.usage ?? {}
  const limits = body?.limits ?? {}
  const keys = [...new Set([...Object.keys(usage), ...Object.keys(limits).filter(k => k in LIMIT_UNITS)])]
  return keys.map(k => ({ resource: k, used: num(usage[k]), limit: num(limits[k]), unit: LIMIT_UNITS[k] ?? null }))
}
