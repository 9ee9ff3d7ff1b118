/** ServerView: what every servers route answers for one server (see the servers contract). */
import type { ServerRow } from '#server/db/schema'
import { getDefinition } from '#server/providers/registry'
import type { CapabilityMap } from '#server/providers/types'
import { customerCapabilities, customerFacts, customerOs, orderedInfo, type OrderedInfo } from './customer-view'
import { needsInstall } from './rules'

export interface AccountRef { id: string, slug: string, type: string, displayName: string }
export interface OwnerRef { id: string, name: string, email: string }
export interface InventoryRow { server: ServerRow, account: AccountRef, owner: OwnerRef | null }

const CUSTOMER_DETAIL_ERROR = 'the provider did not answer'

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

/**
 * Admins see everything; a customer sees no upstream (white label): no account, provider type,
 * upstream id or raw record, the plan and system as the portal order named them, the raw status
 * only where it is ours to name (recovery), and capabilities and facts in our own words.
 */
export function toServerView(r: InventoryRow, opts: { admin: boolean, ordered?: OrderedInfo }) {
  const view = fullView(r, opts)
  if (opts.admin) return view
  const { account: _account, upstream_id: _upstream, extra: _extra, ...rest } = view
  return {
    ...rest,
    raw_status: view.raw_status === 'recovery' ? view.raw_status : null,
    plan: opts.ordered?.plan ?? null,
    os: customerOs(view.os, opts.ordered),
    capabilities: customerCapabilities(r.account.type),
    facts: customerFacts(r.account.type),
  }
}

/** `toServerView` for the caller, looking up a customer's plan name. */
export async function presentServer(r: InventoryRow, user: { role: string }) {
  if (user.role === 'admin') return toServerView(r, { admin: true })
  const ordered = await orderedInfo([r.server.id])
  return toServerView(r, { admin: false, ordered: ordered.get(r.server.id) })
}

function fullView(r: InventoryRow, opts: { admin: boolean }) {
  const s = r.server
  const gone = s.goneAt !== null
  return {
    id: s.id,
    account: { slug: r.account.slug, type: r.account.type, display_name: r.account.displayName },
    upstream_id: s.upstreamId,
    name: s.name,
    hostname: s.hostname,
    status: s.status,
    raw_status: s.rawStatus,
    // A deleted server's addresses are the provider's again (maybe someone else's by now).
    ipv4: gone ? [] : s.ipv4 ?? [],
    ipv6: gone ? [] : s.ipv6 ?? [],
    os: s.os,
    vcpus: s.vcpus,
    memory_mb: s.memoryMb,
    disk_gb: s.diskGb,
    region: s.region,
    plan: s.plan,
    owner: r.owner ? { id: r.owner.id, name: r.owner.name, email: r.owner.email } : null,
    created_at: iso(s.upstreamCreatedAt ?? s.createdAt),
    gone,
    gone_at: iso(s.goneAt),
    admin_locked: s.adminLockedAt !== null,
    lock_reason: s.adminLockReason,
    last_synced_at: iso(s.lastSyncedAt),
    // Listed by the last sync but its details could not be read: the rest is the last known data.
    // The upstream's own words are for admins; a customer learns only that the read failed.
    detail_error: s.detailError ? (opts.admin ? s.detailError : CUSTOMER_DETAIL_ERROR) : null,
    detail_error_at: iso(s.detailErrorAt),
    capabilities: capabilitiesOf(r.account.type),
    needs_install: !gone && needsInstall(r.account.type, s.rawStatus),
    // The raw upstream record can name other customers, hypervisors, invoices: admins only.
    ...(opts.admin ? { extra: s.extra } : {}),
  }
}

export function capabilitiesOf(type: string): CapabilityMap {
  return (getDefinition(type)?.meta.capabilities ?? {}) as CapabilityMap
}

/**
 * A row of the list: the detail view without the capability map (the answer's `accounts`
 * section carries it once per account) and without the raw upstream record (detail route only).
 */
export function toListView(r: InventoryRow, opts: { admin: boolean, ordered?: OrderedInfo } = { admin: false }) {
  const { capabilities, extra: _extra, ...view } = toServerView(r, opts) as Partial<ReturnType<typeof fullView>> & { capabilities: CapabilityMap }
  // A customer's page has no accounts section: each row carries its own (resolved) capabilities.
  return opts.admin ? view : { ...view, capabilities }
}

/** The seed's VM shape (`GET /api/hosting/providers/{provider}/vms`). */
export function toSeedVm(r: InventoryRow) {
  const s = r.server
  return {
    id: s.upstreamId,
    name: s.name,
    status: s.status,
    plan: s.plan,
    region: s.region,
    ipv4: s.ipv4?.[0] ?? null,
    ipv6: s.ipv6?.[0] ?? null,
    os: s.os,
    cpus: s.vcpus,
    memory_mb: s.memoryMb,
    disk_gb: s.diskGb,
    bandwidth_gb: getDefinition(r.account.type)?.bandwidthGb?.(s.extra) ?? null,
    created_at: iso(s.upstreamCreatedAt ?? s.createdAt),
    labels: {} as Record<string, string>,
  }
}
