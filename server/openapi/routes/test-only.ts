/** /api/_test/*: served only with NUXT_TEST_ROUTES=1, for the server test suite. */
import { z } from 'zod'
import { alertEmitBody, billingRunBody, ensureSshKeysBody, expiryCheckAtBody, reauthAgeBody, testSshKeyBody, tokenExpireBody, zoneAssignmentBody } from '#server/schemas/test-routes'
import { billingRunAnswer } from '#shared/schemas/payments'
import { defineRoutes, obj } from '../define'

const testOnly = { access: 'admin' as const, testOnly: true }

export default defineRoutes('Test-only', 'Served only with NUXT_TEST_ROUTES=1 (the server test suite)', [
  { ...testOnly, method: 'post', path: '/api/_test/alerts-emit', summary: 'Raise any alert kind now', body: alertEmitBody, answers: { 200: { description: 'What was sent', schema: obj({ in_app: z.number().int(), external: z.boolean() }) } } },
  { ...testOnly, method: 'post', path: '/api/_test/domains-expiry-check', summary: 'Run the domain expiry check as if the clock read `at`', body: expiryCheckAtBody, answers: { 200: { description: 'What it found', schema: obj({}) } } },
  { ...testOnly, method: 'post', path: '/api/_test/billing-run', summary: 'The renewals run at a given `now`', body: billingRunBody, answers: { 200: { description: 'What the run did', schema: billingRunAnswer } } },
  { ...testOnly, method: 'post', path: '/api/_test/ensure-ssh-keys', summary: 'ensureKeysUpstream as the server wizard calls it', body: ensureSshKeysBody, answers: { 200: { description: 'Upstream ids', schema: obj({ ids: z.array(z.string()) }) } } },
  { ...testOnly, method: 'get', path: '/api/_test/jobs', summary: 'The pg-boss queues', answers: { 200: { description: 'Queues', schema: obj({ queues: z.array(z.string()) }) } } },
  { ...testOnly, method: 'get', path: '/api/_test/provider-accounts', summary: 'The raw provider_accounts rows', answers: { 200: { description: 'Rows', schema: z.array(obj({})) } } },
  { ...testOnly, method: 'post', path: '/api/_test/ssh-keys', summary: 'Put a key in a user\'s keychain directly', body: testSshKeyBody, answers: { 201: { description: 'The row', schema: obj({}) } } },
  { ...testOnly, access: 'user', method: 'post', path: '/api/_test/session-reauth-age', summary: 'Make the caller\'s last password confirmation look old', body: reauthAgeBody, answers: { 200: { description: 'Aged', schema: obj({ status: z.literal('aged') }) } } },
  { ...testOnly, access: 'user', method: 'post', path: '/api/_test/token-expire', summary: 'Let one of the caller\'s tokens run out now', body: tokenExpireBody, answers: { 200: { description: 'Expired', schema: obj({ status: z.literal('expired') }) } } },
  { ...testOnly, method: 'post', path: '/api/_test/zone-assignments', summary: 'Hand a zone to a customer directly', body: zoneAssignmentBody, answers: { 201: { description: 'The row', schema: obj({}) } } },
])
