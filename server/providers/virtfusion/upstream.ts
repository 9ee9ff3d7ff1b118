/**
 * VirtFusion V6 answers as the mappers read them (docs.virtfusion.com/api). Values the panel
 * gives as numbers or numeric strings, depending on version, are `unknown` and read with num().
 */

export interface VfIpv4 { address?: unknown, enabled?: boolean }
export interface VfIpv6Net { subnet?: unknown, cidr?: unknown, enabled?: boolean, addresses?: (string | { address?: unknown })[] }
export interface VfInterface { enabled?: boolean, ipv4?: VfIpv4[], ipv6?: VfIpv6Net[] }
export interface VfDisk { primary?: boolean, capacity?: unknown }

/** GET /servers/{id} (`data`), with `remoteState` when asked for the live state. */
export interface VfServer {
  id?: number | string
  name?: unknown
  hostname?: unknown
  /** "complete" once built; "allocated" before (see STATUS_MAP). */
  state?: unknown
  suspended?: boolean | number
  buildFailed?: boolean
  /** The live state object, or `false` when the hypervisor could not be asked. */
  remoteState?: { state?: unknown } | boolean | null
  created?: unknown
  packageId?: number | string | null
  package?: { id?: number | string | null } | null
  cpu?: { cores?: unknown }
  settings?: { osTemplateInstallId?: unknown, resources?: { cpuCores?: unknown, memory?: unknown, storage?: unknown, traffic?: unknown } }
  storage?: VfDisk[]
  network?: { interfaces?: VfInterface[] }
  hypervisor?: { groupId?: number | string | null, group?: { name?: unknown } }
  traffic?: { public?: { currentPeriod?: { limit?: unknown } } }
}

/** GET /compute/hypervisors/groups (`data[]`). */
export interface VfHypervisorGroup { id?: number | string, name?: unknown, label?: unknown, description?: unknown }

/** GET /packages (`data[]`). */
export interface VfPackage { id?: number | string, name?: unknown, cpuCores?: unknown, memory?: unknown, primaryStorage?: unknown }

export interface VfTemplate { id?: number | string, name?: unknown, version?: unknown, variant?: unknown }
/** GET /media/templates/fromServerPackageSpec/{id} (`data[]`): templates grouped by distribution. */
export interface VfTemplateGroup { name?: unknown, templates?: VfTemplate[] }

/** GET /ssh_keys/user/{id} (`data[]`). */
export interface VfSshKey { id?: number | string, name?: unknown, publicKey?: unknown, public?: unknown, fingerprint?: unknown }
