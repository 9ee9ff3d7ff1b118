import { z } from 'zod'
import { dnsSnapshotParams } from '#server/schemas/hosting'
import { zoneParams } from '#server/services/dns/access'
import { addBody, assignBody, deleteQuery, flagsQuery, forceBody, importBody, putBody } from '#server/services/dns/schemas'
import { byName, defineRoutes, obj, type RouteDoc } from '../define'
import { snapshotList, zoneList } from '#shared/schemas/dns'
import { dnsChangeAnswer, dnsRecord, personRef } from '../shapes'

const PLANNED = 'Every change is planned against the live zone first. `?dry_run=1` (or `"dry_run": true`) answers `{ status: "planned", plan, destructive }` and changes nothing.'
const REFUSALS = {
  409: 'A duplicate record (`code: duplicate_record`), or a plan deleting or changing more than 30% of a zone of 10+ records (`code: unsafe_change`, with `plan`; send `force: true`)',
  400: 'Bad input; records that would not be valid (`code: invalid_records`, `errors: [{ index?, record, field, message }]`); an unreadable zone file (`code: invalid_zone_file`, `errors: [{ line, message }]`)',
  501: 'The account has no DNS (`code: not_supported`)',
}

/** One zone's routes, on its account. */
const ZONE_ROUTES: RouteDoc[] = [
  {
    method: 'get', path: '/api/hosting/providers/{provider}/dns/{domain}', access: 'user', summary: 'List DNS records',
    description: 'Seed: `[{ id, type, name, content, ttl, priority }]`.',
    params: zoneParams, answers: { 200: { description: 'The records', schema: z.array(dnsRecord) } }, errors: { 501: REFUSALS[501] },
  },
  {
    method: 'post', path: '/api/hosting/providers/{provider}/dns/{domain}', access: 'user', summary: 'Create a DNS record (overwrites nothing)',
    description: `Seed: adds one record → \`{ "status": "created" }\`; we add the plan. ${PLANNED}`,
    params: zoneParams, query: flagsQuery, body: addBody,
    answers: { 201: { description: 'Created', schema: dnsChangeAnswer('created') }, 200: { description: 'Planned (dry run) or nothing to change', schema: dnsChangeAnswer('created') } },
    errors: REFUSALS,
  },
  {
    method: 'put', path: '/api/hosting/providers/{provider}/dns/{domain}', access: 'user', summary: 'Update DNS records (batch)',
    description: `Seed: \`{ records, overwrite }\` → \`{ "status": "updated" }\`. \`overwrite: true\` replaces the existing records with the same name AND type as the records sent — not the whole zone; \`false\` adds them. Extension: \`delete: [{ name, type }]\` removes whole sets in the same change. ${PLANNED}`,
    params: zoneParams, query: flagsQuery, body: putBody,
    answers: { 200: { description: 'Updated or planned', schema: dnsChangeAnswer('updated') } }, errors: REFUSALS,
  },
  {
    method: 'delete', path: '/api/hosting/providers/{provider}/dns/{domain}', access: 'user', summary: 'Delete the records of one name and type',
    description: `Seed: \`?name={name}&type={type}\` → \`{ "status": "deleted" }\`. ${PLANNED}`,
    params: zoneParams, query: deleteQuery,
    answers: { 200: { description: 'Deleted or planned', schema: dnsChangeAnswer('deleted') } }, errors: REFUSALS,
  },
  {
    method: 'post', path: '/api/hosting/providers/{provider}/dns/{domain}/reset', access: 'user', summary: 'Reset the zone to the provider\'s defaults',
    description: `Seed: destructive → \`{ "status": "reset" }\`. Planned as "every record goes", so the 30% rule applies. ${PLANNED}`,
    params: zoneParams, query: flagsQuery, body: forceBody,
    answers: { 200: { description: 'Reset or planned', schema: dnsChangeAnswer('reset') } }, errors: REFUSALS,
  },
  {
    method: 'get', path: '/api/hosting/providers/{provider}/dns/{domain}/snapshots', access: 'user', summary: 'Zone history: our snapshots and the provider\'s',
    params: zoneParams,
    answers: {
      200: {
        description: 'Newest first; `provider_error` when the provider\'s history could not be read',
        schema: snapshotList,
      },
    },
  },
  {
    method: 'post', path: '/api/hosting/providers/{provider}/dns/{domain}/snapshots/{id}/restore', access: 'user', summary: 'Restore the zone as a snapshot holds it (through a plan)',
    params: dnsSnapshotParams, query: flagsQuery, body: forceBody,
    answers: { 200: { description: 'Restored or planned', schema: dnsChangeAnswer('restored') } }, errors: REFUSALS,
  },
  {
    method: 'get', path: '/api/hosting/providers/{provider}/dns/{domain}/export', access: 'user', summary: 'The zone as a BIND zone file',
    params: zoneParams, answers: { 200: { description: 'A zone file that passes named-checkzone', schema: z.string(), contentType: 'text/plain' } },
  },
  {
    method: 'post', path: '/api/hosting/providers/{provider}/dns/{domain}/import', access: 'user', summary: 'Import a BIND zone file (merge or replace)',
    description: `Unreadable lines → 400 with \`errors: [{ line, message }]\`. ${PLANNED}`,
    params: zoneParams, query: flagsQuery, body: importBody,
    answers: { 200: { description: 'Imported or planned', schema: dnsChangeAnswer('imported') } }, errors: REFUSALS,
  },
]

export default defineRoutes('DNS', 'DNS zones of DNS-capable accounts (Hostinger): records with a plan before every change, snapshots, BIND import/export, zone assignment to customers', [
  {
    method: 'get', path: '/api/dns/zones', access: 'user', summary: 'Every zone across DNS accounts (a failing account is listed in `errors`)',
    answers: { 200: { description: 'Zones', schema: zoneList } },
  },
  { method: 'put', path: '/api/dns/zones/{provider}/{domain}/assignment', access: 'admin', summary: 'Give a zone to a customer', params: zoneParams, body: assignBody, answers: { 200: { description: 'Assigned', schema: obj({ status: z.literal('assigned'), provider: z.string(), domain: z.string(), owner: personRef }) } } },
  { method: 'delete', path: '/api/dns/zones/{provider}/{domain}/assignment', access: 'admin', summary: 'Take a zone back (optionally only from `owner_id`)', params: zoneParams, body: assignBody.partial(), answers: { 200: { description: 'Unassigned', schema: obj({ status: z.literal('unassigned'), provider: z.string(), domain: z.string() }) } } },
  ...ZONE_ROUTES,
  ...byName(ZONE_ROUTES, '/api/hosting/providers/{provider}/dns/{domain}', '/api/dns/{domain}'),
])
