/**
 * Render simulator records the way the spec's examples show them. The server object keeps the
 * fields an integration reads (ids, state, flags, resources, network, hypervisor, owner, keys)
 * and drops the bulky ones (screenshots, libvirt tuning).
 */
import type { SimPackage, SimServer, SimSshKey, SimTemplate, SimUser, VirtfusionState } from './state'
import { TEMPLATE_GROUPS, TEMPLATES } from './state'

export function userView(u: SimUser) {
  return {
    id: u.id,
    admin: u.admin,
    extRelationId: u.extRelationId,
    selfService: 0,
    selfServiceHourlyGroupProfiles: [],
    selfServiceResourceGroupProfiles: [],
    selfServiceHourlyResourcePack: null,
    name: u.name,
    email: u.email,
    timezone: u.timezone,
    suspended: u.suspended,
    twoFactorAuth: false,
    created: u.created,
    updated: u.updated,
  }
}

export function packageView(p: SimPackage) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    enabled: p.enabled,
    memory: p.memory,
    primaryStorage: p.primaryStorage,
    traffic: p.traffic,
    cpuCores: p.cpuCores,
    primaryNetworkSpeedIn: 0,
    primaryNetworkSpeedOut: 0,
    primaryDiskType: 'inherit',
    backupPlanId: 0,
    primaryStorageReadBytesSec: null,
    primaryStorageWriteBytesSec: null,
    primaryStorageReadIopsSec: null,
    primaryStorageWriteIopsSec: null,
    primaryStorageProfile: 1,
    primaryNetworkProfile: 0,
    created: p.created,
  }
}

/** OS templates grouped by distribution, as `/servers/{id}/templates` answers. */
export function templateGroupsView(ids: number[]) {
  const allowed = TEMPLATES.filter(t => ids.includes(t.id))
  return TEMPLATE_GROUPS
    .map(g => ({
      name: g.name,
      description: g.description,
      icon: g.icon,
      templates: allowed.filter(t => t.groupId === g.id).map(templateView),
      id: g.id,
    }))
    .filter(g => g.templates.length > 0)
}

function templateView(t: SimTemplate) {
  return {
    id: t.id,
    name: t.name,
    version: t.version,
    variant: t.variant,
    arch: 1,
    description: `${t.name} ${t.version}`,
    icon: t.icon,
    eol: false,
    eol_date: '2030-01-01 00:00:00',
    eol_warning: false,
    deploy_type: 1,
    vnc: t.type === 'windows',
    type: t.type,
  }
}

export function sshKeyView(k: SimSshKey) {
  return { id: k.id, name: k.name, publicKey: k.publicKey, type: k.type, enabled: k.enabled, created: k.created, updated: k.updated }
}

/** One row of `GET /servers` with the default `type=simple`. */
export function serverSimpleView(st: VirtfusionState, s: SimServer) {
  st.settle(s)
  return {
    id: s.id,
    uuid: s.uuid,
    name: s.name,
    commissioned: commissionStatus(st, s),
    owner: s.ownerId,
    hypervisorId: s.hypervisorId,
    suspended: s.suspended,
    protected: false,
    updated: s.updated,
    created: s.created,
  }
}

/** 0 not built, 1 build queued, 3 commissioned (2, a failed build, never happens here). */
function commissionStatus(st: VirtfusionState, s: SimServer) {
  const state = st.buildState(s)
  return state === 'complete' ? 3 : state === 'queued' ? 1 : 0
}

export function serverView(st: VirtfusionState, s: SimServer, opts: { remoteState?: boolean, decryptedPassword?: boolean } = {}) {
  const state = st.buildState(s)
  const hv = st.hypervisors.find(h => h.id === s.hypervisorId)
  const group = st.groups.find(g => g.id === hv?.groupId)
  const owner = st.users.find(u => u.id === s.ownerId)
  const power = st.powerWord(s)
  const settings: Record<string, unknown> = {
    osTemplateInstall: true,
    osTemplateInstallId: s.build?.templateId ?? s.osTemplateId,
    encryptedPassword: Buffer.from(`{"iv":"sim","value":"${s.id}"}`).toString('base64'),
    backupPlan: null,
    uefi: false,
    cloudInit: true,
    resources: { ...s.resources },
  }
  if (opts.decryptedPassword) settings.decryptedPassword = s.password
  return {
    id: s.id,
    ownerId: s.ownerId,
    hypervisorId: s.hypervisorId,
    arch: 1,
    name: s.name,
    selfService: 0,
    selfServiceSettings: [],
    hostname: s.hostname,
    commissionStatus: commissionStatus(st, s),
    uuid: s.uuid,
    state,
    migratable: true,
    timezone: '_default',
    destroyable: true,
    rebuild: s.build?.rebuild ?? false,
    suspended: s.suspended,
    protected: false,
    buildFailed: false,
    built: s.built,
    created: s.created,
    updated: s.updated,
    traffic: { public: { countMethod: 1, currentPeriod: { start: '2025-01-01T00:00:00.000000Z', end: '2025-01-31T23:59:59.999999Z', limit: s.resources.traffic } } },
    settings,
    cpu: { cores: s.resources.cpuCores, type: 'inherit', typeExact: 'host-model', shares: 1024, throttle: 0 },
    backupPlan: { id: s.backupPlanId ?? null, name: st.backupPlans.find(p => p.id === s.backupPlanId)?.name ?? null },
    vnc: { ip: hv?.ip ?? null, port: 5900 + (s.id % 100), enabled: st.vncEnabled.has(s.id) },
    network: {
      interfaces: [{
        id: s.id,
        order: 1,
        enabled: true,
        name: 'eth0',
        type: 'public',
        mac: `00:16:3E:00:${(s.id >> 8 & 255).toString(16).padStart(2, '0').toUpperCase()}:${(s.id & 255).toString(16).padStart(2, '0').toUpperCase()}`,
        ipv4: s.ipv4.map((ip, i) => ({ id: ip.id, order: i + 1, enabled: true, blockId: 1, address: ip.address, gateway: ip.gateway, netmask: '255.255.255.0', resolver1: '8.8.8.8', resolver2: '8.8.4.4', rdns: null, mac: null })),
        ipv6: [{ id: 500 + s.id, block: { id: 5, name: 'IPv6' }, order: 1, enabled: true, addresses: [], addressesDetailed: [], subnet: s.ipv6Subnet, cidr: 80, exhausted: false, gateway: `${s.ipv6Subnet.split('::')[0]}::1`, resolver1: '2001:4860:4860::8888', resolver2: '2001:4860:4860::8844', routeNet: false }],
      }],
      secondaryInterfaces: [],
    },
    storage: [{ id: 1, capacity: s.resources.storage, drive: 'a', type: 'qcow2', enabled: true, primary: true, name: `${s.uuid}_1` }],
    hypervisor: hv ? { id: hv.id, ip: hv.ip, hostname: null, maintenance: false, groupId: hv.groupId, group: { name: group?.name ?? null, icon: null }, name: hv.name } : null,
    owner: owner ? { id: owner.id, admin: owner.admin, extRelationId: owner.extRelationId, name: owner.name, email: owner.email, timezone: owner.timezone, suspended: owner.suspended, twoFactorAuth: false, created: owner.created, updated: owner.updated } : null,
    sshKeys: st.sshKeys.filter(k => s.sshKeyIds.includes(k.id)).map(k => ({ id: k.id, ownerId: k.userId, type: k.type, name: k.name, public: k.publicKey, enabled: k.enabled, created: k.created })),
    sharedUsers: [],
    tasks: {
      active: Boolean(s.build || s.pendingPower),
      lastOn: s.updated,
      actions: { pending: s.deleteAt ? [{ action: 'delete', scheduled: st.iso(s.deleteAt) }] : [] },
    },
    // Only asked for with ?remoteState=true, and only a built server has a domain to ask about.
    remoteState: opts.remoteState && state === 'complete'
      ? { state: power, running: power === 'running', cpu: power === 'running' ? 1.5 : 0, memory: { actual: s.resources.memory * 1024, unused: s.resources.memory * 512, available: s.resources.memory * 1024 } }
      : false,
  }
}
