/** Hostinger wire shapes → our provider-neutral models. */
import { createHash } from 'node:crypto'
import type { CatalogItem, Datacenter, OsTemplate, PaymentMethod, PlanOffer, ServerRecord, ServerStatus, Subscription, UpstreamSshKey } from '../types'
import type { HCatalogItem, HDataCenter, HIpAddress, HPaymentMethod, HPrice, HPublicKey, HSubscription, HTemplate, HVirtualMachine } from './upstream'

/**
 * Every word of the spec's VirtualMachineResource.state enum. Transitional words are `pending`
 * (the app polls until they settle); anything not listed maps to `unknown`.
 */
export const STATUS_MAP: Record<string, ServerStatus> = {
  running: 'running',
  starting: 'pending',
  stopping: 'pending',
  stopped: 'stopped',
  creating: 'pending',
  // Bought but never set up: waits for POST …/setup (installServer).
  initial: 'pending',
  error: 'error',
  suspending: 'pending',
  unsuspending: 'pending',
  suspended: 'suspended',
  destroying: 'pending',
  // Gone upstream (subscription ended); nothing can be done with it any more.
  destroyed: 'unknown',
  recreating: 'pending',
  restoring: 'pending',
  // Booted into Hostinger's recovery image: powered and reachable, not its own OS.
  recovery: 'running',
  // Leaving recovery means a reboot into its own OS.
  stopping_recovery: 'rebooting',
}

export function mapStatus(raw: string | null | undefined): ServerStatus {
  return (raw && STATUS_MAP[raw.toLowerCase()]) || 'unknown'
}

/** Parses a number that may arrive as a string; null for anything else. */
export function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v)
  return null
}

const round1 = (n: number) => Math.round(n * 10) / 10

/** A size in MB: a bare number is MB (the spec's unit), a suffixed one ("100 GB") is converted. */
export function sizeMb(v: unknown): number | null {
  const plain = num(v)
  if (plain !== null) return plain
  const m = typeof v === 'string' ? /^\s*([\d.]+)\s*(kb|mb|gb|tb)\s*$/i.exec(v) : null
  if (!m) return null
  const factor = { kb: 1 / 1024, mb: 1, gb: 1024, tb: 1024 * 1024 }[m[2]!.toLowerCase() as 'kb' | 'mb' | 'gb' | 'tb']
  return Number(m[1]) * factor
}

const mbToGb = (mb: number | null) => (mb === null ? null : round1(mb / 1024))

const addresses = (list: HIpAddress[] | null | undefined) => (Array.isArray(list) ? list.map(a => a.address).filter(Boolean) : [])

/** `dataCenters` (optional) turns the VM's data_center_id into a readable region. */
export function mapServer(vm: HVirtualMachine, dataCenters?: Map<string, Datacenter>): ServerRecord {
  const dcId = vm.data_center_id === null || vm.data_center_id === undefined ? null : String(vm.data_center_id)
  const dc = dcId ? dataCenters?.get(dcId) : undefined
  return {
    upstreamId: String(vm.id),
    // Hostinger VMs have no label apart from their hostname.
    name: vm.hostname,
    hostname: vm.hostname || null,
    status: mapStatus(vm.state),
    rawStatus: vm.state,
    ipv4: addresses(vm.ipv4),
    ipv6: addresses(vm.ipv6),
    os: vm.template?.name ?? null,
    vcpus: num(vm.cpus),
    memoryMb: num(vm.memory),
    diskGb: mbToGb(num(vm.disk)),
    region: dc ? dc.name : dcId,
    plan: vm.plan ?? null,
    createdAt: vm.created_at ?? null,
    extra: vm,
  }
}

export function mapDatacenter(dc: HDataCenter): Datacenter {
  const code = dc.name ?? String(dc.id)
  return {
    id: String(dc.id),
    name: dc.city ? `${dc.city} (${code})` : code,
    location: [dc.city, dc.continent].filter(Boolean).join(', ') || null,
    country: dc.location ? dc.location.toUpperCase() : null,
    extra: dc,
  }
}

export function mapTemplate(t: HTemplate): OsTemplate {
  return { id: String(t.id), name: t.name, family: t.name.split(/\s+/)[0]?.toLowerCase() ?? null, extra: t }
}

/** "monthly", "yearly", "every 3 months", "one-time". */
export function formatPeriod(period: unknown, unit: string | null | undefined): string | null {
  if (!unit) return null
  if (unit === 'none') return 'one-time'
  const n = num(period) ?? 1
  if (n === 1) return ({ day: 'daily', week: 'weekly', month: 'monthly', year: 'yearly' } as Record<string, string>)[unit] ?? unit
  return `every ${n} ${unit}s`
}

/** "2 vCPU, 8 GB RAM, 100 GB disk" from a VPS item's metadata (string values, MB). */
function specs(md: Record<string, unknown> | null | undefined): { vcpus: number | null, memoryMb: number | null, diskGb: number | null, text: string | null } {
  const vcpus = num(md?.cpus)
  const memoryMb = sizeMb(md?.memory)
  const diskGb = mbToGb(sizeMb(md?.disk_space))
  const parts = [
    vcpus !== null ? `${vcpus} vCPU` : null,
    memoryMb !== null ? `${round1(memoryMb / 1024)} GB RAM` : null,
    diskGb !== null ? `${diskGb} GB disk` : null,
  ].filter(Boolean)
  return { vcpus, memoryMb, diskGb, text: parts.length ? parts.join(', ') : null }
}

const cents = (v: unknown) => num(v)
const units = (v: unknown) => { const c = num(v); return c === null ? null : c / 100 }

/**
 * One offer per price: a purchase names the price item (`hostingercom-vps-kvm2-usd-1m`), not the
 * product. `price` is the regular price; the cheaper first period is in `extra`.
 */
export function mapPlans(items: HCatalogItem[]): PlanOffer[] {
  return items.filter(i => i.category.toUpperCase() === 'VPS').flatMap((item) => {
    const s = specs(item.metadata)
    return (item.prices ?? []).map((p: HPrice) => ({
      id: p.id,
      name: p.name ?? item.name,
      vcpus: s.vcpus,
      memoryMb: s.memoryMb,
      diskGb: s.diskGb,
      price: units(p.price),
      currency: p.currency ?? null,
      period: formatPeriod(p.period, p.period_unit),
      extra: { itemId: item.id, itemName: item.name, firstPeriodPrice: units(p.first_period_price), metadata: item.metadata ?? null },
    }))
  })
}

/** The seed's catalog shape, one entry per price (the id a purchase needs). */
export function mapCatalog(items: HCatalogItem[]): CatalogItem[] {
  return items.flatMap(item => (item.prices ?? []).map(p => ({
    id: p.id,
    name: item.name,
    category: item.category.toLowerCase(),
    price_cents: cents(p.price),
    currency: p.currency ?? null,
    period: formatPeriod(p.period, p.period_unit),
    description: specs(item.metadata).text ?? p.name ?? null,
    extra: { itemId: item.id, priceName: p.name ?? null, firstPeriodPriceCents: cents(p.first_period_price), metadata: item.metadata ?? null },
  })))
}

export function mapSubscription(s: HSubscription): Subscription {
  return {
    id: s.id,
    name: s.name,
    status: s.status,
    // The spec gives no plan/item id for a subscription, only its product name.
    plan: null,
    price: units(s.renewal_price ?? s.total_price),
    currency: s.currency_code ?? null,
    // A subscription that is not auto-renewed expires instead of renewing.
    renews_at: s.is_auto_renewed === false ? null : s.next_billing_at ?? s.expires_at ?? null,
    created_at: s.created_at ?? null,
    extra: s,
  }
}

export function mapPaymentMethod(p: HPaymentMethod): PaymentMethod {
  return { id: String(p.id), name: p.identifier ? `${p.name} ${p.identifier}` : p.name, isDefault: p.is_default === true, extra: p }
}

/**
 * OpenSSH's fingerprint: "SHA256:" + unpadded base64 of the SHA-256 of the key blob (the
 * base64 second field). Null when the key is not in OpenSSH's one-line form.
 */
export function sshFingerprint(publicKey: string | null | undefined): string | null {
  const blob = publicKey?.trim().split(/\s+/)[1]
  if (!blob || !/^[A-Za-z0-9+/]+={0,3}$/.test(blob)) return null
  const bytes = Buffer.from(blob, 'base64')
  if (bytes.length < 8) return null
  return `SHA256:${createHash('sha256').update(bytes).digest('base64').replace(/=+$/, '')}`
}

export function mapSshKey(k: HPublicKey & { fingerprint?: string | null }): UpstreamSshKey {
  return { id: String(k.id), name: k.name, fingerprint: k.fingerprint ?? sshFingerprint(k.key), public_key: k.key ?? null }
}

/** Monthly traffic allowance of a stored VM record: Hostinger gives MB. */
export function bandwidthGb(extra: unknown): number | null {
  const mb = num((extra as HVirtualMachine | null)?.bandwidth)
  return mb === null ? null : Math.round(mb / 1024)
}
