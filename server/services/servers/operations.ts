/**
 * Day-2 operations on one server: usage graphs, snapshots, backups, reverse DNS, recovery mode,
 * the action log and host settings. Each checks, in order: the provider can (501 with the
 * capability's note), the caller may (admin, or the owner whose plan grants the feature: 403),
 * the server is there to act on (409); then calls the adapter. Changes are audited and followed
 * like power actions (the server re-read, its account's sync queued).
 */
import type { User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { NotSupportedError } from '#server/providers/errors'
import { getDefinition } from '#server/providers/registry'
import type { ActionResult, CapabilityGroup, ProviderAction, ServerBackup, ServerMetrics, ServerSnapshot } from '#server/providers/types'
import { finish } from './actions'
import { assertServerFeature, serverFeatures, type CustomerFeature } from './customer-features'
import type { Target } from './target'

const LABEL: Record<string, string> = {
  metrics: 'usage graphs', snapshots: 'snapshots', backups: 'backups', ptr: 'reverse DNS',
  recovery: 'recovery mode', activity: 'the action log', host_settings: 'host settings',
}

/** 501 unless the provider can; then 404/403 unless the caller may (`feature` null: any owner may). */
async function allow(t: Target, user: User, group: CapabilityGroup, feature: CustomerFeature | null) {
  const meta = getDefinition(t.account.type)!.meta
  const cap = meta.capabilities[group]
  if (!cap?.supported) throw new NotSupportedError(meta.displayName, LABEL[group] ?? group, cap?.note)
  if (feature) await assertServerFeature(user, t.row.server, feature)
  else if (user.role !== 'admin' && t.row.server.ownerId !== user.id) throw httpError(404, 'No such server', 'server_not_found')
}

/** A change needs a server that still exists upstream, and (for a customer) one not locked by an admin. */
function assertChangeable(t: Target, user: User) {
  const s = t.row.server
  if (s.goneAt) throw httpError(409, `${s.name} is gone: the provider no longer has it`, 'server_gone')
  if (s.adminLockedAt && user.role !== 'admin') {
    throw httpError(409, s.adminLockReason ? `${s.name} is locked by an administrator (${s.adminLockReason})` : `${s.name} is locked by an administrator`, 'invalid_state')
  }
}

async function change(t: Target, user: User, group: CapabilityGroup, feature: CustomerFeature, action: string, run: () => Promise<ActionResult>, details: Record<string, unknown> = {}) {
  await allow(t, user, group, feature)
  assertChangeable(t, user)
  const result = await run()
  return finish(t, user, action, result, details)
}

const iso = (s: string | null) => s

// ---------- views (snake_case on the wire) ----------

export const metricsView = (m: ServerMetrics, range: { from: Date, to: Date }) => ({
  from: range.from.toISOString(),
  to: range.to.toISOString(),
  uptime_s: m.uptimeS,
  series: m.series.map(p => ({ t: p.t, cpu_percent: p.cpuPercent, memory_mb: p.memoryMb, disk_mb: p.diskMb, net_in_bytes: p.netInBytes, net_out_bytes: p.netOutBytes })),
})
const snapshotView = (s: ServerSnapshot) => ({ id: s.id, created_at: iso(s.createdAt), expires_at: iso(s.expiresAt), restore_time_s: s.restoreTimeS })
const backupView = (b: ServerBackup) => ({ id: b.id, created_at: iso(b.createdAt), size_bytes: b.sizeBytes, location: b.location, restore_time_s: b.restoreTimeS })
const actionView = (a: ProviderAction) => ({ id: a.id, name: a.name, state: a.state, raw_state: a.rawState, created_at: iso(a.createdAt), updated_at: iso(a.updatedAt) })

// ---------- reads ----------

export async function serverMetrics(t: Target, user: User, range: { from: Date, to: Date }) {
  await allow(t, user, 'metrics', 'graphs')
  return metricsView(await t.adapter.getMetrics(t.row.server.upstreamId, range), range)
}

export async function listSnapshots(t: Target, user: User) {
  await allow(t, user, 'snapshots', 'snapshots')
  return (await t.adapter.listSnapshots(t.row.server.upstreamId)).map(snapshotView)
}

export async function listBackups(t: Target, user: User) {
  await allow(t, user, 'backups', 'backups_restore')
  return (await t.adapter.listBackups(t.row.server.upstreamId)).map(backupView)
}

export async function listPtr(t: Target, user: User) {
  await allow(t, user, 'ptr', 'ptr')
  return t.adapter.listPtr(t.row.server.upstreamId)
}

export async function listActions(t: Target, user: User) {
  await allow(t, user, 'activity', null)
  return (await t.adapter.listActions(t.row.server.upstreamId)).map(actionView)
}

/** The features `user` may use on this server (for the tabs a page offers). */
export async function featuresFor(t: Target, user: User) {
  const f = await serverFeatures(user, t.row.server)
  return { features: f === 'all' ? null : f }
}

// ---------- changes ----------

const up = (t: Target) => t.row.server.upstreamId

export const createSnapshot = (t: Target, user: User) =>
  change(t, user, 'snapshots', 'snapshots', 'snapshot_create', () => t.adapter.createSnapshot(up(t)))
export const restoreSnapshot = (t: Target, user: User, snapshotId?: string) =>
  change(t, user, 'snapshots', 'snapshots', 'snapshot_restore', () => t.adapter.restoreSnapshot(up(t), snapshotId), { snapshot: snapshotId ?? null })
export const deleteSnapshot = (t: Target, user: User, snapshotId?: string) =>
  change(t, user, 'snapshots', 'snapshots', 'snapshot_delete', () => t.adapter.deleteSnapshot(up(t), snapshotId), { snapshot: snapshotId ?? null })
export const restoreBackup = (t: Target, user: User, backupId: string) =>
  change(t, user, 'backups', 'backups_restore', 'backup_restore', () => t.adapter.restoreBackup(up(t), backupId), { backup: backupId })

/** The address must be one of the server's own (a customer must not name someone else's). */
function ownAddress(t: Target, ip: string) {
  const s = t.row.server
  if (![...(s.ipv4 ?? []), ...(s.ipv6 ?? [])].includes(ip)) throw httpError(400, `${ip} is not an address of ${s.name}`, 'invalid_input')
}

export async function setPtr(t: Target, user: User, input: { ip: string, domain: string }) {
  await allow(t, user, 'ptr', 'ptr')
  ownAddress(t, input.ip)
  return change(t, user, 'ptr', 'ptr', 'ptr_set', () => t.adapter.setPtr(up(t), input.ip, input.domain), { ip: input.ip, domain: input.domain })
}
export async function deletePtr(t: Target, user: User, input: { ip: string }) {
  await allow(t, user, 'ptr', 'ptr')
  ownAddress(t, input.ip)
  return change(t, user, 'ptr', 'ptr', 'ptr_delete', () => t.adapter.deletePtr(up(t), input.ip), { ip: input.ip })
}

// The temporary root password goes to the provider, never into the audit log.
export const startRecovery = (t: Target, user: User, input: { root_password: string }) =>
  change(t, user, 'recovery', 'recovery', 'recovery_start', () => t.adapter.startRecovery(up(t), input.root_password))
export const stopRecovery = (t: Target, user: User) =>
  change(t, user, 'recovery', 'recovery', 'recovery_stop', () => t.adapter.stopRecovery(up(t)))

export const updateSettings = (t: Target, user: User, input: { hostname?: string, nameservers?: string[] }) =>
  change(t, user, 'host_settings', 'settings', 'settings_update', () => t.adapter.updateHostSettings(up(t), input), { ...input })
