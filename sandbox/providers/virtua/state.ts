/**
 * Mutable state of the Virtua.cloud simulator. Pending work (setup, power actions, resize,
 * rebuild) is a deadline on the server: the wire record is computed from "now" on every read,
 * so nothing depends on timers.
 */
import { randomUUID } from 'node:crypto'
import { ACCOUNT, LIMITS, OFFERS, PROJECTS, SERVERS, SYSTEMS, ZONES, type Offer, type ServerSeed } from './fixtures'
import type { SimOptions } from '../../core/simulator'

export type PendingKind = 'setup' | 'start' | 'stop' | 'restart' | 'resize' | 'rebuild'

export interface SimServer extends ServerSeed {
  /** When the server last (re)started, for `uptime`. */
  runningSince: number | null
  pending: { kind: PendingKind, startedAt: number, until: number, then: 'running' | 'stopped' } | null
}

/** Steps shown in `setup_step` while an install runs, in order. */
const SETUP_STEPS = ['Creating virtual machine', 'Installing system', 'Configuring network', 'Starting server']

const pad = (n: number) => String(n).padStart(2, '0')
/** The API's timestamp format ("2020-02-10 13:53:53"). */
export function stamp(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

function randomPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'
  return Array.from({ length: 14 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('')
}

export class VirtuaState {
  servers = new Map<string, SimServer>()
  account = { ...ACCOUNT }
  limits = { ...LIMITS }
  /** A test's server limit (POST /__sandbox/virtua/limits), kept across a reset like the sandbox's latency. */
  serverLimit: string | null = null
  offers: Offer[] = []
  systems = SYSTEMS
  projects = PROJECTS
  private nextNumber = 6000

  /** The sandbox's options object, read at each change: a test may lengthen transitions for a while. */
  constructor(private readonly opts: SimOptions) { this.reset() }
  get transitionMs() { return this.opts.transitionMs }

  reset() {
    const now = Date.now()
    this.account = { ...ACCOUNT }
    this.limits = { ...LIMITS, ...(this.serverLimit === null ? {} : { cloud_servers: this.serverLimit }) }
    this.offers = structuredClone(OFFERS)
    // Numbers are never handed out twice, not even across a reset.
    this.nextNumber = Math.max(this.nextNumber, 6000)
    this.servers.clear()
    for (const s of structuredClone(SERVERS)) {
      this.servers.set(s.uuid, { ...s, runningSince: s.status === 'running' ? now - s.uptime_at_reset * 1000 : null, pending: null })
    }
  }

  /** Finishes pending work whose deadline has passed. */
  settle(s: SimServer, now = Date.now()): SimServer {
    const p = s.pending
    if (p && now >= p.until) {
      if (p.then === 'running' && (s.status !== 'running' || p.kind !== 'resize')) s.runningSince = p.until
      if (p.then === 'stopped') s.runningSince = null
      s.status = p.then
      if (p.kind === 'setup' || p.kind === 'rebuild') s.is_setup_at = stamp(p.until)
      s.pending = null
    }
    return s
  }

  get(uuid: string): SimServer | undefined {
    const s = this.servers.get(uuid)
    return s && this.settle(s)
  }

  list(): SimServer[] {
    return [...this.servers.values()].map(s => this.settle(s))
  }

  begin(s: SimServer, kind: PendingKind, then: 'running' | 'stopped') {
    const now = Date.now()
    s.pending = { kind, startedAt: now, until: now + this.transitionMs, then }
  }

  findOffer(uuid: string) { return this.offers.find(o => o.uuid === uuid) }
  findSystem(uuid: string) { return this.systems.find(s => s.uuid === uuid) }
  findProject(uuid: string) { return this.projects.find(p => p.uuid === uuid) }

  /** The zone code an offer belongs to (its uuid suffix, e.g. `par01fr`). */
  zoneOf(offer: Offer): string {
    return offer.uuid.split('.').pop() ?? 'par01fr'
  }

  createServer(input: { offer: Offer, system: { uuid: string, name: string }, project: string, hostname: string | null, ipv6: boolean }): SimServer {
    const now = Date.now()
    const zone = this.zoneOf(input.offer)
    const n = this.nextNumber++
    const s: SimServer = {
      uuid: randomUUID(),
      name: `vs${n}.${zone}.vsys.cloud`,
      label: null,
      hostname: input.hostname,
      zone,
      project: input.project,
      offer: { uuid: input.offer.uuid, category: input.offer.category, name: input.offer.name, price_month: input.offer.price_month, price_hour: input.offer.price_hour },
      system: { uuid: input.system.uuid, name: input.system.name },
      vcpus: input.offer.vcpus,
      memory_size: input.offer.memory_size,
      root_space: input.offer.root_space,
      root_disk_type: input.offer.root_disk_type,
      status: 'stopped',
      is_suspended: '0',
      suspension_reason: null,
      is_ipv6_enabled: input.ipv6 ? '1' : '0',
      start_time: stamp(now),
      is_setup_at: null,
      monthly_usage: '0.0000',
      keyboard: 'us',
      root_password: randomPassword(),
      uptime_at_reset: 0,
      runningSince: null,
      pending: null,
    }
    this.begin(s, 'setup', 'running')
    this.servers.set(s.uuid, s)
    return s
  }

  rebuild(s: SimServer, system: { uuid: string, name: string }) {
    s.system = { uuid: system.uuid, name: system.name }
    s.root_password = randomPassword()
    s.runningSince = null
    s.status = 'stopped'
    this.begin(s, 'rebuild', 'running')
  }

  /** The record as `GET /cloud-server/{uuid}` shows it. */
  view(s: SimServer, now = Date.now()): Record<string, unknown> {
    const p = s.pending
    const installing = p?.kind === 'setup' || p?.kind === 'rebuild'
    let setupStep: string | null = null
    if (installing) {
      const progress = Math.min(0.999, (now - p!.startedAt) / Math.max(1, p!.until - p!.startedAt))
      setupStep = SETUP_STEPS[Math.floor(progress * SETUP_STEPS.length)]!
    }
    const running = s.status === 'running'
    const uptime = running && s.runningSince !== null ? Math.max(0, Math.floor((now - s.runningSince) / 1000)) : 0
    return {
      uuid: s.uuid,
      name: s.name,
      label: s.label,
      offer: { ...s.offer },
      start_time: s.start_time,
      // Seed 001 shows a timestamp here for a running server (the end of the usage window so far).
      end_time: stamp(now),
      monthly_usage: s.monthly_usage,
      short_description: null,
      is_suspended: s.is_suspended,
      suspension_reason: s.suspension_reason,
      cloud_zone: { ...ZONES[s.zone]! },
      vcpus: s.vcpus,
      vcpus_used: running ? String(Math.max(1, Math.floor(Number(s.vcpus) / 2))) : '0',
      memory_size: s.memory_size,
      memory_size_used: running ? String(Math.floor(Number(s.memory_size) * 0.6)) : '0',
      root_space: s.root_space,
      root_disk_type: s.root_disk_type,
      status: s.status,
      is_error: '0',
      is_setup: s.is_setup_at && p?.kind !== 'rebuild' ? '1' : '0',
      system: { ...s.system },
      uptime: String(uptime),
      vm_type: 'qemu',
      setup_step: setupStep,
      netboot_on: null,
      netboot_is_setup: '1',
      is_smtp_allowed: this.limits.smtp_enabled,
      hostname: s.hostname,
      is_setup_at: s.is_setup_at,
      is_ipv6_enabled: s.is_ipv6_enabled,
      is_processing: p ? '1' : '0',
      ssh_keys: null,
      keyboard: s.keyboard,
    }
  }

  /** `GET /cloud/limits` usage, computed from the servers that exist now. */
  usage() {
    const all = this.list()
    const sum = (f: (s: SimServer) => number) => String(all.reduce((t, s) => t + f(s), 0))
    return {
      cloud_servers: all.length,
      vcpus: sum(s => Number(s.vcpus)),
      memory_size: sum(s => Number(s.memory_size)),
      root_space: sum(s => Number(s.root_space)),
      ip_address_v4: sum(() => 1),
      ip_address_v6: sum(s => (s.is_ipv6_enabled === '1' ? 1 : 0)),
    }
  }
}
