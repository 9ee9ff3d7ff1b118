/**
 * VirtFusion simulator state: the seed fixture and the mutable world built from it.
 *
 * Time-dependent states (a build, a power action, a delayed deletion) are stored as "ends at"
 * timestamps and settled when read, never by timers. `now()` runs on a clock tests can move
 * forward (`advance`) so minute-long deletion delays can be checked without waiting.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { SimOptions } from '../../core/simulator'

export interface SimUser {
  id: number
  admin: boolean
  extRelationId: number | null
  name: string
  email: string
  timezone: string
  suspended: boolean
  created: string
  updated: string
}

export interface SimGroup { id: number, name: string, label: string | null, description: string | null, enabled: boolean, default: boolean, created: string, updated: string }
export interface SimHypervisor { id: number, groupId: number, name: string, ip: string, ipv4Prefix: string, ipv6Prefix: string }

export interface SimPackage {
  id: number
  name: string
  description: string | null
  enabled: boolean
  memory: number
  primaryStorage: number
  traffic: number
  cpuCores: number
  /** OS template ids this package may install. */
  templateIds: number[]
  created: string
}

export interface SimTemplate { id: number, groupId: number, name: string, version: string, variant: string | null, type: 'linux' | 'windows', icon: string }
export interface SimTemplateGroup { id: number, name: string, description: string, icon: string }

export interface SimSshKey { id: number, userId: number, name: string, publicKey: string, type: string, enabled: boolean, created: string, updated: string }

/** Remote (hypervisor) power state words: libvirt's, plus `starting`/`restarting` while a queued action runs. */
export type PowerWord = 'running' | 'shutoff' | 'shutdown' | 'starting' | 'restarting'
export type PowerAction = 'boot' | 'shutdown' | 'restart' | 'poweroff'

export interface SimServer {
  id: number
  uuid: string
  ownerId: number
  hypervisorId: number
  packageId: number
  name: string
  hostname: string | null
  created: string
  updated: string
  built: string | null
  /** 0 until a build was requested. */
  osTemplateId: number
  /** Set while a build (or rebuild) is queued; settles into `complete` at `endsAt`. */
  build: { endsAt: number, templateId: number, rebuild: boolean } | null
  complete: boolean
  suspended: boolean
  power: 'running' | 'shutoff'
  pendingPower: { action: PowerAction, endsAt: number } | null
  resources: { memory: number, storage: number, traffic: number, cpuCores: number }
  ipv4: { id: number, address: string, gateway: string }[]
  ipv6Subnet: string
  password: string
  sshKeyIds: number[]
  /** A delayed DELETE: the server disappears at this time. */
  deleteAt: number | null
  /** The backup plan assigned (PUT /servers/{id}/backups/plan/{planId}); null: none. */
  backupPlanId?: number | null
}

/** Backup plans the simulated panel has (the spec has no call to list them). */
export const BACKUP_PLANS = [{ id: 1, name: 'Daily, 7 kept' }, { id: 2, name: 'Weekly, 4 kept' }] as const

export const SIM_VERSION = '6.1.0'

const SEED_TIME = '2025-01-10T09:00:00+00:00'

function seedUsers(): SimUser[] {
  return [
    { id: 1, admin: true, extRelationId: null, name: 'Jon Doe', email: 'jon@example.com', timezone: 'Europe/London', suspended: false, created: SEED_TIME, updated: SEED_TIME },
    { id: 2, admin: false, extRelationId: 42, name: 'Jane Customer', email: 'jane@example.net', timezone: 'Europe/London', suspended: false, created: SEED_TIME, updated: SEED_TIME },
  ]
}

function seedGroups(): SimGroup[] {
  return [
    { id: 1, name: 'London', label: 'LON1', description: 'London hypervisors', enabled: true, default: true, created: SEED_TIME, updated: SEED_TIME },
    { id: 2, name: 'New York', label: 'NYC1', description: 'New York hypervisors', enabled: true, default: false, created: SEED_TIME, updated: SEED_TIME },
  ]
}

function seedHypervisors(): SimHypervisor[] {
  return [
    { id: 6, groupId: 1, name: 'LON-HV1', ip: '192.0.2.10', ipv4Prefix: '203.0.113.', ipv6Prefix: '2001:db8:100:' },
    { id: 7, groupId: 2, name: 'NYC-HV1', ip: '192.0.2.20', ipv4Prefix: '198.51.100.', ipv6Prefix: '2001:db8:200:' },
  ]
}

export const TEMPLATE_GROUPS: SimTemplateGroup[] = [
  { id: 1, name: 'Debian', description: 'Debian GNU/Linux, a community-developed distribution of free software.', icon: 'debian_logo.png' },
  { id: 3, name: 'Ubuntu', description: 'Ubuntu Server, based on Debian.', icon: 'ubuntu_logo.png' },
  { id: 4, name: 'AlmaLinux', description: 'A community enterprise OS binary compatible with RHEL.', icon: 'almalinux_logo.png' },
  { id: 5, name: 'Windows', description: 'Microsoft Windows Server.', icon: 'windows_logo.png' },
]

export const TEMPLATES: SimTemplate[] = [
  { id: 8, groupId: 1, name: 'Debian', version: '11 (Bullseye)', variant: 'Minimal', type: 'linux', icon: 'debian_logo.png' },
  { id: 46, groupId: 1, name: 'Debian', version: '12 (Bookworm)', variant: 'Minimal', type: 'linux', icon: 'debian_logo.png' },
  { id: 20, groupId: 3, name: 'Ubuntu Server', version: '22.04 LTS', variant: null, type: 'linux', icon: 'ubuntu_logo.png' },
  { id: 21, groupId: 3, name: 'Ubuntu Server', version: '24.04 LTS', variant: null, type: 'linux', icon: 'ubuntu_logo.png' },
  { id: 30, groupId: 4, name: 'AlmaLinux', version: '9', variant: 'Minimal', type: 'linux', icon: 'almalinux_logo.png' },
  { id: 40, groupId: 5, name: 'Windows Server', version: '2022', variant: 'Standard', type: 'windows', icon: 'windows_logo.png' },
]

const LINUX = [8, 46, 20, 21, 30]

function seedPackages(): SimPackage[] {
  return [
    { id: 1, name: 'VPS Small', description: '1 vCPU, 1 GB', enabled: true, memory: 1024, primaryStorage: 20, traffic: 1000, cpuCores: 1, templateIds: LINUX, created: '2024-03-12T22:41:31.000000Z' },
    { id: 2, name: 'VPS Medium', description: '2 vCPU, 4 GB', enabled: true, memory: 4096, primaryStorage: 60, traffic: 3000, cpuCores: 2, templateIds: LINUX, created: '2024-03-12T22:41:31.000000Z' },
    { id: 3, name: 'VPS Large', description: '4 vCPU, 8 GB, Windows allowed', enabled: true, memory: 8192, primaryStorage: 120, traffic: 0, cpuCores: 4, templateIds: [...LINUX, 40], created: '2024-06-28T12:36:16.000000Z' },
  ]
}

export const SEED_SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINh+xK+0I2Bm4ZSqTSFdJfOXa4T+4h+TYWTiYuSnIVmw jon@laptop'

function seedSshKeys(): SimSshKey[] {
  return [{ id: 1, userId: 1, name: 'Jon laptop', publicKey: SEED_SSH_KEY, type: 'OpenSSH', enabled: true, created: SEED_TIME, updated: SEED_TIME }]
}

function seedServer(p: Partial<SimServer> & Pick<SimServer, 'id' | 'name' | 'packageId' | 'hypervisorId' | 'ipv4'>, pkg: SimPackage, hv: SimHypervisor): SimServer {
  return {
    uuid: `00000000-0000-4000-8000-${String(p.id).padStart(12, '0')}`,
    ownerId: 1,
    hostname: p.name,
    created: SEED_TIME,
    updated: SEED_TIME,
    built: '2025-01-10T09:05:00+00:00',
    osTemplateId: 46,
    build: null,
    complete: true,
    suspended: false,
    power: 'running',
    pendingPower: null,
    resources: { memory: pkg.memory, storage: pkg.primaryStorage, traffic: pkg.traffic, cpuCores: pkg.cpuCores },
    ipv6Subnet: `${hv.ipv6Prefix}${p.id}::`,
    password: 'seedPassw0rd' + p.id,
    sshKeyIds: [1],
    deleteAt: null,
    ...p,
  }
}

export class VirtfusionState {
  users: SimUser[] = []
  groups: SimGroup[] = []
  hypervisors: SimHypervisor[] = []
  packages: SimPackage[] = []
  sshKeys: SimSshKey[] = []
  servers: SimServer[] = []
  /** Added to Date.now(): lets tests jump past a deletion delay. */
  clockOffsetMs = 0
  /** Servers whose VNC is enabled, and the websocket tokens handed out (token → server, expiry). */
  vncEnabled = new Set<number>()
  vncTokens = new Map<string, { serverId: number, expiresAt: number }>()
  /** Sign-in tokens made by serverAuthenticationTokens: the query string → user, server, expiry. */
  loginTokens = new Map<string, { userId: number, serverId: number, expiresAt: number }>()
  /** Per server and interface: the firewall switch and the rulesets applied (`primary`/`secondary`). */
  firewalls = new Map<string, { enabled: boolean, rulesets: number[] }>()
  backupPlans: { id: number, name: string }[] = [...BACKUP_PLANS]
  private seq = { server: 200, user: 10, key: 10, queue: 1000, ip: 100 }

  /** The sandbox's options object, read at each change: a test may lengthen transitions for a while. */
  constructor(private readonly opts: SimOptions) { this.reset() }
  get transitionMs() { return this.opts.transitionMs }

  reset() {
    this.users = seedUsers()
    this.groups = seedGroups()
    this.hypervisors = seedHypervisors()
    this.packages = seedPackages()
    this.sshKeys = seedSshKeys()
    this.clockOffsetMs = 0
    this.vncEnabled = new Set()
    this.vncTokens = new Map()
    this.loginTokens = new Map()
    this.firewalls = new Map()
    // Ids are never handed out twice, not even across a reset (as no real panel would).
    const seed = { server: 200, user: 10, key: 10, queue: 1000, ip: 100 }
    this.seq = Object.fromEntries(Object.entries(seed).map(([k, v]) => [k, Math.max(v, this.seq[k as keyof typeof seed])])) as typeof seed
    const [lon, nyc] = this.hypervisors as [SimHypervisor, SimHypervisor]
    const [small, medium, large] = this.packages as [SimPackage, SimPackage, SimPackage]
    this.servers = [
      seedServer({ id: 101, name: 'web-1.example.com', packageId: 2, hypervisorId: lon.id, osTemplateId: 21, ipv4: [{ id: 1, address: '203.0.113.11', gateway: '203.0.113.1' }, { id: 2, address: '203.0.113.12', gateway: '203.0.113.1' }] }, medium, lon),
      seedServer({ id: 102, name: 'db-1.example.com', packageId: 3, hypervisorId: lon.id, power: 'shutoff', ipv4: [{ id: 3, address: '203.0.113.21', gateway: '203.0.113.1' }] }, large, lon),
      seedServer({ id: 103, name: 'staging.example.com', packageId: 1, hypervisorId: nyc.id, suspended: true, power: 'shutoff', osTemplateId: 8, ipv4: [{ id: 4, address: '198.51.100.31', gateway: '198.51.100.1' }] }, small, nyc),
    ]
  }

  now() { return Date.now() + this.clockOffsetMs }
  iso(ms = this.now()) { return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00') }
  advance(ms: number) { this.clockOffsetMs += ms; this.sweep() }

  nextQueueId() { return ++this.seq.queue }
  nextUserId() { return ++this.seq.user }
  nextKeyId() { return ++this.seq.key }

  /** Settle finished transitions and drop servers whose deletion time has come. */
  sweep() {
    const now = this.now()
    this.servers = this.servers.filter(s => s.deleteAt === null || s.deleteAt > now)
    for (const s of this.servers) this.settle(s, now)
  }

  settle(s: SimServer, now = this.now()) {
    if (s.build && now >= s.build.endsAt) {
      s.complete = true
      s.built = this.iso(s.build.endsAt)
      s.osTemplateId = s.build.templateId
      s.power = 'running'
      s.pendingPower = null
      s.build = null
    }
    if (s.pendingPower && now >= s.pendingPower.endsAt) {
      s.power = s.pendingPower.action === 'shutdown' || s.pendingPower.action === 'poweroff' ? 'shutoff' : 'running'
      s.pendingPower = null
    }
  }

  /** What the hypervisor reports right now. */
  powerWord(s: SimServer): PowerWord {
    this.settle(s)
    switch (s.pendingPower?.action) {
      case 'boot': return 'starting'
      case 'restart': return 'restarting'
      case 'shutdown':
      case 'poweroff': return 'shutdown'
      default: return s.power
    }
  }

  /** VirtFusion's build word for the server. */
  buildState(s: SimServer): 'allocated' | 'queued' | 'complete' {
    this.settle(s)
    if (s.build) return 'queued'
    return s.complete ? 'complete' : 'allocated'
  }

  findServer(id: string | number) {
    this.sweep()
    return this.servers.find(s => String(s.id) === String(id))
  }

  /**
   * Gives `s` addresses of its hypervisor's block: `want` free ones (null when the block has too
   * few), or exactly the ones named.
   */
  addAddresses(s: SimServer, want: number | string[]): string[] | null {
    const hv = this.hypervisors.find(h => h.id === s.hypervisorId)!
    const used = new Set(this.servers.flatMap(x => x.ipv4.map(a => a.address)))
    let picked: string[]
    if (Array.isArray(want)) picked = want
    else {
      picked = []
      for (let n = 2; n <= 254 && picked.length < want; n++) if (!used.has(`${hv.ipv4Prefix}${n}`)) picked.push(`${hv.ipv4Prefix}${n}`)
      if (picked.length < want) return null
    }
    for (const address of picked) s.ipv4.push({ id: ++this.seq.ip, address, gateway: `${hv.ipv4Prefix}1` })
    s.updated = this.iso()
    return picked
  }

  hypervisorFor(groupId: number) { return this.hypervisors.find(h => h.groupId === groupId) }

  createServer(input: { packageId: number, userId: number, hypervisorGroupId: number, ipv4?: number, name?: string }): SimServer {
    const pkg = this.packages.find(p => p.id === input.packageId)!
    const hv = this.hypervisorFor(input.hypervisorGroupId)!
    const id = ++this.seq.server
    const count = Math.max(1, Math.min(input.ipv4 ?? 1, 8))
    const ipv4 = Array.from({ length: count }, () => {
      const n = ++this.seq.ip
      return { id: n, address: `${hv.ipv4Prefix}${n}`, gateway: `${hv.ipv4Prefix}1` }
    })
    const at = this.iso()
    const s: SimServer = {
      id,
      uuid: randomUUID(),
      ownerId: input.userId,
      hypervisorId: hv.id,
      packageId: pkg.id,
      name: input.name ?? '',
      hostname: null,
      created: at,
      updated: at,
      built: null,
      osTemplateId: 0,
      build: null,
      complete: false,
      suspended: false,
      power: 'shutoff',
      pendingPower: null,
      resources: { memory: pkg.memory, storage: pkg.primaryStorage, traffic: pkg.traffic, cpuCores: pkg.cpuCores },
      ipv4,
      ipv6Subnet: `${hv.ipv6Prefix}${id}::`,
      password: randomPassword(),
      sshKeyIds: [],
      deleteAt: null,
    }
    this.servers.push(s)
    return s
  }
}

export function randomPassword(len = 20) {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
  return Array.from(randomBytes(len), b => alphabet[b % alphabet.length]).join('')
}
