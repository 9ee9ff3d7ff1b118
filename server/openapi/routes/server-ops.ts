/**
 * Day-2 operations on one server (issue 16): the same routes on our inventory ids
 * (/api/servers/{id}/…) and on the seed's per-account VM ids (/api/hosting/providers/{provider}/vms/{id}/…).
 */
import { z } from 'zod'
import { vmParams } from '#server/schemas/hosting'
import { serverParams } from '#server/schemas/servers'
import { activityQuery, backupParams, backupPlanBody, ipAddBody, ipDeleteBody, metricsQuery, ptrBody, ptrCheckQuery, ptrDeleteBody, recoveryBody, settingsBody, vmBackupParams } from '#server/schemas/server-ops'
import { activityPage, backupPlanView, providerAction, ptrCheck, ptrEntry, serverBackup, serverFeatures, serverMetrics, serverSnapshot } from '#shared/schemas/server-ops'
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
  ...both('ptr/check', {
    method: 'get', access: 'user', summary: 'Forward-confirm an address\'s reverse DNS',
    description: 'Whether the PTR host name of `ip` resolves back to it: first against our own DNS zones (naming the zone when the caller may edit it, to create the A/AAAA record there), then, with `resolve=true`, a public resolver.',
    query: ptrCheckQuery, answers: { 200: { description: 'The check', schema: ptrCheck } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN, 400: 'Not an address of this server' },
  }),
  ...both('ips', {
    method: 'post', access: 'user', summary: 'Add IPv4 addresses (may be billed; audited)',
    description: '`quantity` free addresses the provider picks, or (admins only) the `addresses` named. Customers: only where their plan grants `ip_addresses`. Exactly once: send an `Idempotency-Key` header (8–200 visible characters); the same key answers the first result (`Idempotent-Replayed: true`; another body: 422), and without one an identical request within 60 s does.',
    body: ipAddBody,
    answers: {
      200: { description: 'Added', schema: changed.extend({ addresses: z.array(z.string()) }) },
      202: { description: 'The provider\'s answer was lost: whether the addresses were added is being checked (ask again with the same key)', schema: obj({ status: z.string(), intent: obj({ id: z.string(), state: z.string() }), message: z.string().optional() }) },
    },
    errors: { ...NOT_SUPPORTED, ...FORBIDDEN, ...REFUSED, 422: 'The Idempotency-Key was used for another request' },
  }),
  ...both('ips', { method: 'delete', access: 'user', summary: 'Remove one of the server\'s IPv4 addresses (never its only one; audited)', body: ipDeleteBody, answers: { 200: { description: 'Removed', schema: changed } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN, ...REFUSED, 400: 'Not an IPv4 address of this server' } }),
  ...both('backup-plan', { method: 'get', access: 'user', summary: 'The server\'s backup plan', answers: { 200: { description: 'The plan, or null', schema: backupPlanView } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN } }),
  ...both('backup-plan', { method: 'put', access: 'user', summary: 'Assign, change or remove (`plan_id: null`) the backup plan (may be billed; audited)', body: backupPlanBody, answers: { 200: { description: 'Changed', schema: changed } }, errors: { ...NOT_SUPPORTED, ...FORBIDDEN, ...REFUSED } }),
  ...both('activity', {
    method: 'get', access: 'user', summary: 'Activity: the platform\'s action log merged with our audit log, newest first',
    description: 'Customers see their own entries as `you`, administrators\' as `support`, and no emails or provider details.',
    query: activityQuery, answers: { 200: { description: 'One page', schema: activityPage } },
  }),
  { method: 'get', path: '/api/servers/{id}/features', access: 'user', summary: 'What the caller\'s plan grants on this server (tabs to show)', params: serverParams, answers: { 200: { description: 'Features', schema: serverFeatures } } },
])
