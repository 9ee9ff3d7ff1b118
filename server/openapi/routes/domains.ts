import { z } from 'zod'
import { domainOwnerBody } from '#server/schemas/hosting'
import { checkBodySchema, nameserversBodySchema, purchaseBodySchema } from '#shared/domains/schema'
import { domainParams } from '#server/utils/domain-params'
import { providerParam } from '#server/utils/provider-param'
import { byName, defineRoutes, obj, statusAnswer, type RouteDoc } from '../define'
import { availability, domainList, domainView } from '#shared/schemas/domains'
import { domain, personRef } from '../shapes'

const NOT_SUPPORTED = { 501: 'The account has no domains (`code: not_supported`)' }

/** One domain's routes a customer may call, on its account. */
const DOMAIN_ROUTES: RouteDoc[] = [
  { method: 'get', path: '/api/hosting/providers/{provider}/domains/{domain}', access: 'user', summary: 'Domain details', params: domainParams, answers: { 200: { description: 'Seed shape', schema: domainView } }, errors: NOT_SUPPORTED },
  { method: 'put', path: '/api/hosting/providers/{provider}/domains/{domain}/nameservers', access: 'user', summary: 'Set nameservers (2–4 distinct host names)', params: domainParams, body: nameserversBodySchema, answers: { 200: { description: 'Seed: `{ "status": "updated" }`', schema: statusAnswer('updated') } }, errors: NOT_SUPPORTED },
  { method: 'post', path: '/api/hosting/providers/{provider}/domains/{domain}/lock', access: 'user', summary: 'Enable the transfer lock', params: domainParams, answers: { 200: { description: 'Seed: `{ "status": "locked" }`', schema: statusAnswer('locked') } }, errors: NOT_SUPPORTED },
  { method: 'delete', path: '/api/hosting/providers/{provider}/domains/{domain}/lock', access: 'user', summary: 'Disable the transfer lock', params: domainParams, answers: { 200: { description: 'Seed: `{ "status": "unlocked" }`', schema: statusAnswer('unlocked') } }, errors: NOT_SUPPORTED },
  { method: 'post', path: '/api/hosting/providers/{provider}/domains/{domain}/privacy', access: 'user', summary: 'Enable WHOIS privacy', params: domainParams, answers: { 200: { description: 'Seed: `{ "status": "enabled" }`', schema: statusAnswer('enabled') } }, errors: NOT_SUPPORTED },
  { method: 'delete', path: '/api/hosting/providers/{provider}/domains/{domain}/privacy', access: 'user', summary: 'Disable WHOIS privacy', params: domainParams, answers: { 200: { description: 'Seed: `{ "status": "disabled" }`', schema: statusAnswer('disabled') } }, errors: NOT_SUPPORTED },
]

export default defineRoutes('Domains', 'Domain portfolio across accounts (seed routes under /api/hosting/providers/{provider}/domains), availability, exactly-once purchase, nameservers, lock, privacy, expiry', [
  {
    method: 'get', path: '/api/domains', access: 'user', summary: 'Domains of every domain-capable account (a failing account is reported in `accounts`)',
    answers: { 200: { description: 'Domains, each tagged with its account (for admins; a customer\'s rows and outcomes name no account)', schema: domainList } },
  },
  { method: 'post', path: '/api/domains/expiry-check', access: 'admin', summary: 'Run the daily expiry check now', answers: { 200: { description: 'What it found', schema: obj({}) } } },
  {
    method: 'get', path: '/api/hosting/providers/{provider}/domains', access: 'user', summary: 'List domains',
    description: 'Seed shape. Customers get only the domains assigned to them.',
    params: providerParam, answers: { 200: { description: 'Domains', schema: z.array(domainView) } }, errors: NOT_SUPPORTED,
  },
  {
    method: 'post', path: '/api/hosting/providers/{provider}/domains/check', access: 'admin', summary: 'Check availability (and first-year price) of 1–20 names',
    params: providerParam, body: checkBodySchema,
    answers: { 200: { description: 'Seed: in the order given', schema: z.array(availability) } }, errors: NOT_SUPPORTED,
  },
  {
    method: 'post', path: '/api/hosting/providers/{provider}/domains/purchase', access: 'admin', summary: 'Purchase a domain (exactly once)',
    description: 'Costs money, carried out once: with an `Idempotency-Key` the same key again answers the same result (header `Idempotent-Replayed: true`; another body: 422); without one, an identical request from the same user within 60 s gets the first answer. Every answer names its intent in the `Intent-Id` header.',
    params: providerParam, body: purchaseBodySchema, idempotencyKey: 'optional',
    answers: {
      201: { description: 'Seed: the domain', schema: domain },
      202: { description: 'The provider\'s answer was lost: whether it was bought is being checked (ask again with the same key)', schema: obj({ status: z.string(), intent: obj({ id: z.string(), state: z.string() }), message: z.string().optional() }) },
    },
    errors: { 409: 'Not available', 422: 'The key was used with another body', ...NOT_SUPPORTED },
  },
  {
    method: 'put', path: '/api/hosting/providers/{provider}/domains/{domain}/owner', access: 'admin', summary: 'Give a domain and its zone to a customer (`owner_id: null` takes it back)',
    params: domainParams, body: domainOwnerBody, answers: { 200: { description: 'The owner now', schema: obj({ owner: personRef.nullable() }) } },
  },
  ...DOMAIN_ROUTES,
  ...byName(DOMAIN_ROUTES, '/api/hosting/providers/{provider}/domains/{domain}', '/api/domains/{domain}'),
])
