/**
 * THE list of places where our adapters and simulators knowingly differ from the providers'
 * OpenAPI files (sandbox/specs), each with the reason. The contract check in the unit and
 * server suites allows exactly these; any other difference fails the suite.
 *
 * Add an entry only with a reason a reviewer can check: a seed document that wins over a stale
 * spec, a quirk the specs README records, or an error the real API gives that the spec omits.
 */
import type { SpecProvider } from './specs'

export type ViolationKind =
  | 'unknown-path' | 'unknown-method' | 'auth' | 'request-param' | 'request-body'
  | 'response-status' | 'response-body' | 'check-error'

export interface Deviation {
  provider: SpecProvider
  kinds: ViolationKind[]
  method?: string
  /** Tested against the spec's path template when one matched, else the path as sent. */
  path?: RegExp
  status?: number[]
  message?: RegExp
  reason: string
}

export const DEVIATIONS: Deviation[] = [
  // ── VirtFusion ──────────────────────────────────────────────────────────────────────────
  // The `/api/v1` base needs no entry: the spec's paths have no prefix and its server URL is
  // `https://cp.domain.com/api/v1`, which is where the simulator is mounted (/virtfusion/api/v1).
  {
    provider: 'virtfusion',
    kinds: ['response-status'],
    status: [401, 404, 409, 422, 423],
    reason: 'The spec documents only the success answer (and one 422 on POST /servers); a real panel '
      + 'also answers 401 "Unauthorized", 404 for an unknown id and 409/422/423 `{"errors":[…]}` refusals '
      + '(specs/README: "There are no 404/429 responses"). Our simulator answers them in the panel\'s own shape.',
  },
  {
    provider: 'virtfusion',
    kinds: ['response-body'],
    method: 'GET',
    path: /^\/connect$/,
    message: /^\(root\) must be object$/,
    reason: 'The spec contradicts itself: /connect\'s example answer is `[]`, its schema an object (specs/README). '
      + 'Strict mode answers the example, `[]`; the adapter reads a version only when there is one.',
  },
  {
    provider: 'virtfusion',
    kinds: ['request-body'],
    method: 'POST',
    path: /^\/servers$/,
    message: /must NOT have additional properties "name"/,
    reason: 'Exactly-once (issue 9) puts its marker on a new server as `name` (eo-<id>) until the build names it; '
      + 'the spec\'s create body lists no `name`. Should a panel ignore it, a lost answer finds no marker and goes '
      + 'to admin review after EXACTLY_ONCE_DEADLINE_MS: safe (never another\'s server), only slower.',
  },
  // ── Virtua ──────────────────────────────────────────────────────────────────────────────
  {
    provider: 'virtua',
    kinds: ['auth'],
    reason: 'Seed 001 (the provider\'s README, newer than the July-2024 spec) sends "Authorization: Basic <API key>"; '
      + 'the stale spec names an X-API-Key header.',
  },
  {
    provider: 'virtua',
    kinds: ['unknown-path'],
    method: 'POST',
    path: /^\/cloud\/order$/,
    reason: 'Seed 001 deploys with POST /cloud/order (form fields offer, system, project, ipv6_enabled, hostname); '
      + 'the stale spec has POST /cloud-server instead, and its own /offers text refers to /cloud/order.',
  },
  {
    provider: 'virtua',
    kinds: ['unknown-path'],
    method: 'POST',
    path: /^\/cloud-server\/[^/]+\/rebuild$/,
    reason: 'Rebuild (system / iso_image) is in the provider\'s current README (specs/README), not in the stale spec.',
  },
  {
    provider: 'virtua',
    kinds: ['unknown-method'],
    method: 'POST',
    path: /^\/cloud-server\/[^/]+\/password$/,
    reason: 'The current README resets a password with POST …/password (root/manager/rescue) and returns it; '
      + 'the stale spec has GET …/password?password=root|rescue (specs/README).',
  },
  {
    provider: 'virtua',
    kinds: ['request-body'],
    method: 'POST',
    path: /^\/cloud-server\/\{UUID\}\/resize$/,
    reason: 'Seed 001 resizes with form fields offer=<uuid>&resize_disk=0|1 (its curl example); the stale spec '
      + 'takes a JSON body with NEW_OFFER_UUID.',
  },
  {
    provider: 'virtua',
    kinds: ['response-status'],
    status: [400, 401, 404, 429],
    reason: 'The spec documents only 200 and 403. The current API refuses with 400 `{"success":false,"error":…}`, '
      + 'answers 401 without a key, 404 for an unknown server and 429 with Retry-After (specs/README).',
  },
  {
    provider: 'virtua',
    kinds: ['response-body'],
    path: /^\/cloud-server(\/\{UUID\})?$/,
    message: /^(\/cloud_servers\/\d+)?\/is_setup_at must be string(; (\/cloud_servers\/\d+)?\/is_setup_at must be string)*$/,
    reason: 'The documents show only servers that are set up. A server still installing has no set-up time yet, '
      + 'so our simulator gives is_setup_at null (with is_setup "0"); the adapter reads is_setup, not this field.',
  },
  // ── Hostinger ───────────────────────────────────────────────────────────────────────────
  {
    provider: 'hostinger',
    kinds: ['response-status'],
    status: [404, 422],
    reason: 'Many operations document only 200/401/500. The API answers an unknown VM, domain or zone with 404 and a '
      + 'refused action with 422, both in its documented error shape {message, errors?, correlation_id} (specs/README).',
  },
  {
    provider: 'hostinger',
    kinds: ['response-body'],
    path: /^\/api\/domains\/v1\/portfolio\/\{domain\}$/,
    message: /^\/name_servers must NOT have additional properties "ns[34]"(; \/name_servers must NOT have additional properties "ns[34]")?$/,
    reason: 'The domain resource documents name_servers ns1/ns2 only, but PUT …/nameservers documents ns1–ns4; '
      + 'a domain read back after setting three or four name servers carries ns3/ns4.',
  },
]

/** Corrections applied to a spec's schemas before validating, each with its reason. */
export const SPEC_PATCHES: { provider: SpecProvider, reason: string, apply: (schema: Record<string, any>) => void }[] = [
  {
    provider: 'virtua',
    reason: 'The spec marks nullable fields with `"format":"nullable"` instead of `nullable: true` (specs/README), '
      + 'and seed 001 shows those fields as null (label, short_description, hostname, ssh_keys …).',
    apply(schema) {
      if (schema.format === 'nullable') { delete schema.format; schema.nullable = true }
    },
  },
  {
    provider: 'hostinger',
    reason: 'The 422 body\'s `errors` is "Object of detailed errors for each field"; its properties field_1/field_2 '
      + 'are placeholders, so it is read as a map of any field name to a list of messages.',
    apply(schema) {
      const props = schema.properties
      if (props?.field_1 && props?.field_2 && Object.keys(props).length === 2) {
        delete schema.properties
        schema.additionalProperties = { type: 'array', items: { type: 'string' } }
      }
    },
  },
]
