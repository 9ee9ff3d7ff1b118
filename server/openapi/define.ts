/**
 * How a route is described for the OpenAPI document. One file per domain under ./routes lists
 * its routes with `defineRoutes`; ./document.ts puts them together. The request schemas are the
 * ones the handlers validate with (imported, never copied); the answer schemas describe what the
 * services return and are checked against real answers by tests/server/openapi-contract.test.ts.
 *
 * Adding a route file under server/api: add one entry to the domain's file here (the test
 * tests/unit/openapi/routes-documented.test.ts prints the `METHOD path` of every route missing).
 */
import { z } from 'zod'

export { isoDate, obj, uuid } from '#shared/schemas/define'

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** Who may call: no session (`public`), any signed-in user or token (`user`), admins only. */
export type Access = 'public' | 'user' | 'admin'

export interface AnswerDoc {
  description: string
  /** JSON body; omit for an empty answer. */
  schema?: z.ZodType
  /** Defaults to application/json. */
  contentType?: string
}

export interface RouteDoc {
  method: HttpMethod
  /** OpenAPI path, e.g. `/api/servers/{id}` (Nitro's `[id]` is `{id}`). */
  path: string
  summary: string
  description?: string
  access: Access
  /** Path parameters: the handler's `validParams` schema. */
  params?: z.ZodObject
  /** Query string: the handler's `validQuery` schema. */
  query?: z.ZodObject
  /** JSON body: the handler's `validBody` schema. */
  body?: z.ZodType
  /** Money-spending routes: the `Idempotency-Key` header. */
  idempotencyKey?: 'required' | 'optional'
  /** Successful answers by status. */
  answers: Record<number, AnswerDoc>
  /** Error statuses this route answers on purpose, beyond the ones every route may (400/401/403/404). */
  errors?: Record<number, string>
  /** Only served with NUXT_TEST_ROUTES=1 (the server test suite). */
  testOnly?: boolean
}

export interface RouteGroup { tag: string, description: string, routes: RouteDoc[] }

export function defineRoutes(tag: string, description: string, routes: RouteDoc[]): RouteGroup {
  return { tag, description, routes }
}

// ---------- shapes shared by many answers ----------

/**
 * Every error: `{ error, code?, details? }` (plus `provider`/`correlation_id` for upstream
 * failures). Details are the fields an httpError() adds beside `error`, e.g. DNS's `plan`, `errors`.
 */
export const errorSchema = z.looseObject({
  error: z.string().meta({ description: 'One sentence saying what went wrong' }),
  code: z.string().optional().meta({ description: 'Machine-readable reason, e.g. `invalid_input`, `unsafe_change`, `provider_auth`' }),
  details: z.record(z.string(), z.unknown()).optional().meta({ description: 'What the reason needs to be acted on: `issues` (`[{ path, message }]`) for `invalid_input`; `plan`/`destructive` for DNS `unsafe_change`; `errors` for DNS `invalid_records`/`invalid_zone_file`. The DNS details also appear beside `error`, as before `details` existed' }),
  plan: z.unknown().optional().meta({ description: 'Detail of DNS `unsafe_change`: the plan `force` would apply' }),
  destructive: z.boolean().optional().meta({ description: 'Detail of DNS `unsafe_change`: always true' }),
  errors: z.array(z.looseObject({ message: z.string() })).optional().meta({ description: 'Detail of DNS `invalid_records` (`{ index?, record, field, message }`) and `invalid_zone_file` (`{ line, message }`)' }),
  provider: z.string().optional().meta({ description: 'The provider account whose API failed' }),
  correlation_id: z.string().optional(),
}).meta({ id: 'Error', description: 'The one error shape of every /api route' })

/** `{ status: '<word>' }`, the seed's acknowledgement. */
export const statusAnswer = (...words: [string, ...string[]]) => z.looseObject({ status: z.enum(words) })

/**
 * A route's twin addressed by the zone's or domain's name alone (`from` → `to`, the `{provider}`
 * parameter dropped): what a customer's pages call, since a customer never learns the account
 * (white label). The same handler answers; the account is found from the name.
 */
export function byName(routes: RouteDoc[], from: string, to: string): RouteDoc[] {
  return routes.map(r => ({
    ...r,
    path: r.path.replace(from, to),
    summary: `${r.summary} (by name)`,
    description: `The route \`${r.path}\`, with the account found from the name: the caller's own assignment (a customer), or the one account that holds it (an admin). ${r.description ?? ''}`.trim(),
    params: r.params?.omit({ provider: true }),
    errors: { ...r.errors, 409: [r.errors?.[409], 'The name is on more than one account (`code: name_ambiguous`; admins: use the account-keyed route)'].filter(Boolean).join('; ') },
  }))
}
