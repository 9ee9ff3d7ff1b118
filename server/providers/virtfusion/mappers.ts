/** VirtFusion records → our models. */
import { createHash } from 'node:crypto'
import type { Datacenter, OsTemplate, PlanOffer, ServerRecord, ServerStatus, UpstreamSshKey } from '../types'
import type { VfHypervisorGroup, VfPackage, VfServer, VfSshKey, VfTemplateGroup } from './upstream'

/**
 * Every word a VirtFusion server's status can take, and ours for it. The word is, in order:
 * `suspended` (the flag), the build `state` while a server is not built, then the hypervisor's
 * live state (`remoteState.state`, libvirt's words) once it is.
 */
export const STATUS_MAP: Record<string, ServerStatus> = {
  // flags
  suspended: 'suspended',
  // build state (`state`)
  allocated: 'pending', // created, no OS yet: waits for the build step
  queued: 'pending', // build or rebuild queued / running
  building: 'pending',
  failed: 'error', // build failed (`buildFailed`, commissionStatus 2)
  complete: 'unknown', // built, but the live state was not reported
  // live state (`remoteState.state`)
  running: 'running',
  blocked: 'running', // libvirt: running, blocked on I/O
  starting: 'pending', // boot queued
  restarting: 'rebooting',
  shutdown: 'pending', // libvirt "in shutdown": stopping
  shutoff: 'stopped',
  paused: 'stopped',
  pmsuspended: 'stopped',
  crashed: 'error',
  nostate: 'unknown',
}

export function mapStatus(raw: string): ServerStatus {
  return STATUS_MAP[raw.toLowerCase().replace(/[\s_-]+/g, '')] ?? 'unknown'
}

/** A number, also from a numeric string; null otherwise. */
export function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v)
  return null
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** The status word of a full server record (see STATUS_MAP). */
export function rawStatusOf(s: VfServer): string {
  if (s.suspended === true || s.suspended === 1) return 'suspended'
  if (s.buildFailed === true) return 'failed'
  const state = str(s.state) ?? 'unknown'
  if (state !== 'complete') return state
  const live = s.remoteState
  return live && typeof live === 'object' && typeof live.state === 'string' ? live.state : 'complete'
}

function addresses(s: VfServer) {
  const ipv4: string[] = []
  const ipv6: string[] = []
  for (const nic of s.network?.interfaces ?? []) {
    if (nic.enabled === false) continue
    for (const ip of nic.ipv4 ?? []) {
      const address = str(ip.address)
      if (ip.enabled !== false && address) ipv4.push(address)
    }
    for (const net of nic.ipv6 ?? []) {
      if (net.enabled === false) continue
      const assigned = (net.addresses ?? []).map(a => (typeof a === 'string' ? a : str(a?.address))).filter(Boolean) as string[]
      if (assigned.length) ipv6.push(...assigned)
      else if (str(net.subnet)) ipv6.push(`${net.subnet}/${num(net.cidr) ?? 64}`)
    }
  }
  return { ipv4, ipv6 }
}

export function toServerRecord(s: VfServer): ServerRecord {
  const rawStatus = rawStatusOf(s)
  const res = s.settings?.resources ?? {}
  const primaryDisk = (s.storage ?? []).find(d => d.primary)
  const templateId = num(s.settings?.osTemplateInstallId)
  const { ipv4, ipv6 } = addresses(s)
  const id = String(s.id)
  return {
    upstreamId: id,
    name: str(s.name) ?? str(s.hostname) ?? `Server ${id}`,
    hostname: str(s.hostname),
    status: mapStatus(rawStatus),
    rawStatus,
    ipv4,
    ipv6,
    // The record names only the template id; its name needs another call (listTemplates).
    os: templateId ? `OS template ${templateId}` : null,
    vcpus: num(s.cpu?.cores) ?? num(res.cpuCores),
    memoryMb: num(res.memory),
    diskGb: num(res.storage) ?? num(primaryDisk?.capacity),
    region: str(s.hypervisor?.group?.name) ?? (s.hypervisor?.groupId != null ? String(s.hypervisor.groupId) : null),
    // VirtFusion's server record does not say which package it was made from.
    plan: s.packageId != null ? String(s.packageId) : s.package?.id != null ? String(s.package.id) : null,
    createdAt: str(s.created),
    extra: s,
  }
}

export function toDatacenter(g: VfHypervisorGroup): Datacenter {
  return { id: String(g.id), name: str(g.name) ?? `Group ${g.id}`, location: str(g.label) ?? str(g.description), country: null, extra: g }
}

export function toPlan(p: VfPackage): PlanOffer {
  return {
    id: String(p.id),
    name: str(p.name) ?? `Package ${p.id}`,
    vcpus: num(p.cpuCores),
    memoryMb: num(p.memory),
    diskGb: num(p.primaryStorage),
    price: null,
    currency: null,
    period: null,
    extra: p,
  }
}

/** Flattens VirtFusion's per-distribution template groups. */
export function toTemplates(groups: VfTemplateGroup[]): OsTemplate[] {
  const out: OsTemplate[] = []
  for (const g of groups ?? []) {
    for (const t of g.templates ?? []) {
      const name = [t.name, t.version, t.variant].filter(v => typeof v === 'string' && v).join(' ')
      out.push({ id: String(t.id), name: name || `Template ${t.id}`, family: str(g.name), extra: t })
    }
  }
  return out
}

/** OpenSSH's `SHA256:` fingerprint: base64 (no padding) of the SHA-256 of the key blob. */
export function sshFingerprint(publicKey: string | null | undefined): string | null {
  const blob = publicKey?.trim().split(/\s+/)[1]
  if (!blob || !/^[A-Za-z0-9+/]+={0,3}$/.test(blob)) return null
  const bytes = Buffer.from(blob, 'base64')
  if (bytes.length < 8) return null
  return `SHA256:${createHash('sha256').update(bytes).digest('base64').replace(/=+$/, '')}`
}

export function toSshKey(k: VfSshKey, publicKey?: string): UpstreamSshKey {
  const pub = str(k.publicKey) ?? str(k.public) ?? publicKey ?? null
  return { id: String(k.id), name: str(k.name) ?? `Key ${k.id}`, fingerprint: str(k.fingerprint) ?? sshFingerprint(pub), public_key: pub }
}

/** Monthly traffic allowance of a stored server record (GB): the period's limit, else the package's. */
export function bandwidthGb(extra: unknown): number | null {
  const e = (extra ?? {}) as VfServer
  return num(e.traffic?.public?.currentPeriod?.limit ?? e.settings?.resources?.traffic)
}
