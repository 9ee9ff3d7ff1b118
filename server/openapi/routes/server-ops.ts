/**
 * Day-2 operations on one server (issue 16): the same routes on our inventory ids
 * (/api/servers/{id}/…) and on the seed's per-account VM ids (/api/hosting/providers/{provider}/vms/{id}/…).
 */
import { z } from 'zod'
import { vmParams } from '#server/schemas/hosting'
import { serverParams } from '#server/schemas/servers'
import { backupParams, metricsQuery, ptrBody, ptrDeleteBody, recoveryBody, settingsBody, vmBackupParams } from '#server/schemas/server-ops'
import { providerAction, ptrEntry, serverBackup, serverFeatures, serverMetrics, serverSnapshot } from '#shared/schemas/server-ops'
import { defineRoutes, obj, type RouteDoc } from '../define'
import { resultCode, server } from '../shapes'

const changed = obj({
  status: z.string(),
  message: z.string().optional(),
  ...resultCode,
  action_id: z.string().optional().meta({ description: 'The provider\'s action, to follow in `…/actions` until it is done' }),
  server: server.nullable().optional(),
})
const NOT_SUPPORTED = { 501: 'The provider cannot (`code: not_supported`, the reason in `error`)' }
const FORBIDDEN = { 403: 'A customer whose plan does not grant this (`code: feature_not_in_plan`)' }
const REFUSED = { 409: 'Gone upstream, locked by an administrator, or the provider refused in the server\'s state' }

function both(rel: string, r: Omit<RouteDoc, 'path' | 'params'> & { backup?: boolean }): RouteDoc[] {
  const { backup, ...doc } = r
  return [
    { ...doc, path: `/api/servers/{id}/${rel}`, params: backup ? backupParams : serverParams },
    { ...doc, path: `/api/hosting/providers/{provider}/vms/{id}/${rel}`, params: backup ? vmBackupParams : vmParams },
  ]
}

export default defineRoutes('Server operations', 'Graphs, snapshots, backups, reverse DNS, recovery mode, the action log and host settings of one server. Customers: on their own servers, for what their plan grants.', [
  ...both('metrics', {
    method: 'get', access: 'user', summary: 'Usage graphs (CPU, memory, disk, traffic) over a range',
    description: '`from`/`to` are ISO date-times (default: the last 24 hours); at most 31 days per read. Series a provider does not keep are null (VirtFusion: traffic only).',
    query: metricsQuery, answers: { 200: { description: 'Samples and uptime', schema: serverMetrics } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN },
  }),
  ...both('snapshots', { method: 'get', access: 'user', summary: 'The server\'s snapshots (Hostinger keeps one)', answers: { 200: { description: 'Snapshots', schema: z.array(serverSnapshot) } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN } }),
  ...both('snapshots', { method: 'post', access: 'user', summary: 'Take a snapshot (Hostinger: replaces the one it keeps)', answers: { 200: { description: 'Started', schema: changed } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN, ...REFUSED } }),
  ...both('snapshots', { method: 'delete', access: 'user', summary: 'Delete the snapshot (audited)', answers: { 200: { description: 'Deleted', schema: changed } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN, ...REFUSED } }),
  ...both('snapshots/restore', { method: 'post', access: 'user', summary: 'Restore the snapshot: the disk goes back to it (audited)', answers: { 200: { description: 'Restoring', schema: changed } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN, ...REFUSED } }),
  ...both('backups', { method: 'get', access: 'user', summary: 'The provider\'s backups of the server', answers: { 200: { description: 'Backups', schema: z.array(serverBackup) } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN } }),
  ...both('backups/{backup}/restore', { backup: true, method: 'post', access: 'user', summary: 'Restore a backup: overwrites the disk (audited)', answers: { 200: { description: 'Restoring', schema: changed } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN, ...REFUSED } }),
  ...both('ptr', { method: 'get', access: 'user', summary: 'Reverse DNS per address', answers: { 200: { description: 'One entry per address', schema: z.array(ptrEntry) } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN } }),
  ...both('ptr', { method: 'put', access: 'user', summary: 'Set the reverse DNS of one of the server\'s addresses', body: ptrBody, answers: { 200: { description: 'Set', schema: changed } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN, ...REFUSED } }),
  ...both('ptr', { method: 'delete', access: 'user', summary: 'Remove the reverse DNS of an address', body: ptrDeleteBody, answers: { 200: { description: 'Removed', schema: changed } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN, ...REFUSED } }),
  ...both('recovery', { method: 'post', access: 'user', summary: 'Boot recovery mode with a temporary root password (the disk at /mnt; audited, the password is not)', body: recoveryBody, answers: { 200: { description: 'Starting', schema: changed } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN, ...REFUSED } }),
  ...both('recovery', { method: 'delete', access: 'user', summary: 'Leave recovery mode (reboots into the server\'s own system)', answers: { 200: { description: 'Stopping', schema: changed } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN, ...REFUSED } }),
  ...both('actions', { method: 'get', access: 'user', summary: 'The provider\'s action log for the server (newest first)', answers: { 200: { description: 'Actions', schema: z.array(providerAction) } }, errors: NOT_SUPPORTED }),
  ...both('settings', { method: 'patch', access: 'user', summary: 'Hostname and nameservers', description: 'VirtFusion: `hostname` renames the server; nameservers are not supported there.', body: settingsBody, answers: { 200: { description: 'Changed', schema: changed } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN, ...REFUSED } }),
  { method: 'get', path: '/api/servers/{id}/features', access: 'user', summary: 'What the caller\'s plan grants on this server (tabs to show)', params: serverParams, answers: { 200: { description: 'Features', schema: serverFeatures } } },
])
