import { z } from 'zod'
import { idParams } from '#server/schemas/common'
import { serverActionParams, serverParams, serverPatchBody, serverViewQuery, suspendBody, syncBody } from '#server/schemas/servers'
import { listQuerySchema } from '#server/services/servers/filters'
import { createBody, deleteQuery, reinstallBody, resizeBody } from '#server/services/servers/schemas'
import { defineRoutes, obj } from '../define'
import { serverList } from '#shared/schemas/servers'
import { resultCode, server, template } from '../shapes'

const actionResult = obj({ status: z.string(), message: z.string().optional(), ...resultCode, server: server.nullable().optional() })
const accountSummary = obj({ slug: z.string() })

export default defineRoutes('Servers', 'One inventory of servers across every account (synced by a background job), with power, reinstall, resize, delete', [
  {
    method: 'get', path: '/api/servers', access: 'user', summary: 'The inventory: filter, sort, page',
    description: 'Customers see the servers they own. Servers deleted upstream (`gone`) are left out; `deleted=true` lists only them (without addresses). Paged: `page` (from 1) and `per_page` (at most 100); the answer says `total`.',
    query: listQuerySchema,
    answers: { 200: { description: 'A page of servers', schema: serverList } },
  },
  {
    method: 'post', path: '/api/servers', access: 'admin', summary: 'Create a server (exactly once per Idempotency-Key)',
    body: createBody, idempotencyKey: 'optional',
    description: 'The key may come as the `Idempotency-Key` header or `idempotency_key` in the body. 202 for a new create (it runs on), 200 when the key was seen before.',
    answers: {
      202: { description: 'Accepted: provisioning', schema: obj({ server: server.nullable(), intent: obj({ id: z.string(), state: z.string() }) }) },
      200: { description: 'The same key again: the first answer', schema: obj({ server: server.nullable(), intent: obj({ id: z.string(), state: z.string() }) }) },
    },
    errors: { 422: 'The key was used with another body' },
  },
  {
    method: 'post', path: '/api/servers/sync', access: 'admin', summary: 'Sync the inventory now (queued, or `wait: true`)',
    body: syncBody,
    answers: { 200: { description: 'Queued or done', schema: obj({ status: z.enum(['queued', 'synced']), accounts: z.array(accountSummary).optional() }) } },
  },
  { method: 'get', path: '/api/servers/{id}', access: 'user', summary: 'One server (`refresh=1` asks its provider first)', params: serverParams, query: serverViewQuery, answers: { 200: { description: 'The server', schema: server } } },
  { method: 'patch', path: '/api/servers/{id}', access: 'admin', summary: 'Give a server to a customer, lock or unlock it', params: serverParams, body: serverPatchBody, answers: { 200: { description: 'The server', schema: server } } },
  { method: 'delete', path: '/api/servers/{id}', access: 'admin', summary: 'Delete a server (VirtFusion: after `delay` minutes)', params: serverParams, query: deleteQuery, answers: { 200: { description: 'Deleted or scheduled', schema: obj({ status: z.string(), message: z.string().optional(), ...resultCode }) } } },
  { method: 'post', path: '/api/servers/{id}/actions/{action}', access: 'user', summary: 'Power and state actions', params: serverActionParams, answers: { 200: { description: 'Done', schema: actionResult } }, errors: { 409: 'Not possible in the server\'s state, or locked by an admin' } },
  { method: 'post', path: '/api/servers/{id}/reinstall', access: 'user', summary: 'Reinstall with a template (`dry_run` validates only)', params: serverParams, body: reinstallBody, answers: { 200: { description: 'Started or validated', schema: actionResult } } },
  { method: 'post', path: '/api/servers/{id}/resize', access: 'admin', summary: 'Move to another plan', params: serverParams, body: resizeBody, answers: { 200: { description: 'Started', schema: actionResult } } },
  { method: 'post', path: '/api/servers/{id}/root-password', access: 'user', summary: 'Reveal the root password (audited)', params: serverParams, answers: { 200: { description: 'Credentials', schema: obj({ username: z.string().nullable().optional(), password: z.string().nullable() }) } } },
  { method: 'get', path: '/api/servers/{id}/templates', access: 'user', summary: 'OS templates this server can be reinstalled with', params: serverParams, answers: { 200: { description: 'Templates', schema: z.array(template) } } },
  {
    method: 'post', path: '/api/admin/servers/{id}/suspend', access: 'admin', summary: 'Suspend a customer\'s server (natively, or stopped and locked)',
    params: idParams, body: suspendBody,
    answers: { 200: { description: 'Suspended', schema: obj({ status: z.literal('suspended'), method: z.string(), server }) } },
  },
  {
    method: 'post', path: '/api/admin/servers/{id}/unsuspend', access: 'admin', summary: 'Lift a suspension',
    params: idParams,
    answers: { 200: { description: 'Unsuspended', schema: obj({ status: z.literal('unsuspended'), server }) } },
  },
])
