/**
 * The OpenAPI 3.1 document of /api, built from the route groups in ./routes (zod-openapi turns
 * the zod schemas into JSON Schema). Served at GET /api/openapi.json, rendered at /api/docs.
 */
import { z } from 'zod'
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi'
import { errorSchema, type RouteDoc, type RouteGroup } from './define'
import { ROUTE_GROUPS } from './routes'

const ERROR_WORDING: Record<number, string> = {
  400: 'Bad input: the body, query or path did not pass validation (`code: invalid_input`), or the request is refused as it stands',
  401: 'No session and no valid API token (`code: unauthenticated`)',
  403: 'Signed in, but only administrators may do this (`code: forbidden`)',
  404: 'Not found, or not yours (customers get 404 for what belongs to others)',
}

const errorAnswer = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } })

function answers(route: RouteDoc): ZodOpenApiResponsesObject {
  const out: ZodOpenApiResponsesObject = {}
  for (const [status, a] of Object.entries(route.answers)) {
    out[status as `${1 | 2 | 3 | 4 | 5}${string}`] = a.schema
      ? { description: a.description, content: { [a.contentType ?? 'application/json']: { schema: a.schema } } }
      : { description: a.description }
  }
  const statuses = new Set<number>()
  if (route.params || route.query || route.body) statuses.add(400)
  if (route.access !== 'public') statuses.add(401)
  if (route.access === 'admin') statuses.add(403)
  if (route.params || route.testOnly) statuses.add(404)
  for (const s of statuses) out[String(s) as `4${string}`] = errorAnswer(ERROR_WORDING[s]!)
  for (const [s, d] of Object.entries(route.errors ?? {})) out[s as `4${string}`] = errorAnswer(d)
  out.default = errorAnswer('Any other error, in the same shape: 409 conflict, 422 idempotency key reused with another body, 429 rate limited upstream, 501 the provider cannot do this, 502 the provider failed, 504 the provider timed out, 500 a bug (logged, no detail)')
  return out
}

const idempotencyHeader = (required: boolean) => z.object({
  'idempotency-key': (required ? z.string() : z.string().optional()).meta({
    description: 'Any unique string (a UUID is best). The same key again answers the first result instead of spending twice; the same key with another body is a 422.',
  }),
})

function operation(group: RouteGroup, route: RouteDoc): ZodOpenApiOperationObject {
  const requestParams: ZodOpenApiOperationObject['requestParams'] = {}
  if (route.params) requestParams.path = route.params
  if (route.query) requestParams.query = route.query
  if (route.idempotencyKey) requestParams.header = idempotencyHeader(route.idempotencyKey === 'required')
  return {
    operationId: operationId(route),
    tags: [group.tag],
    summary: route.summary,
    description: [route.description, accessNote(route)].filter(Boolean).join('\n\n'),
    ...(route.access === 'public' ? { security: [] } : {}),
    ...(Object.keys(requestParams).length ? { requestParams } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
    responses: answers(route),
  }
}

function accessNote(route: RouteDoc) {
  if (route.testOnly) return '*Test-only*: served only with `NUXT_TEST_ROUTES=1` (the server test suite); 404 otherwise.'
  if (route.access === 'admin') return '*Administrators only.*'
  if (route.access === 'public') return '*No authentication.*'
  return ''
}

/** `post /api/servers/{id}/resize` → `postServersIdResize`. */
export function operationId(route: Pick<RouteDoc, 'method' | 'path'>) {
  const words = route.path.replace(/^\/api\//, '').split(/[^a-zA-Z0-9]+/).filter(Boolean)
  return route.method + words.map(w => w[0]!.toUpperCase() + w.slice(1)).join('')
}

export interface DocumentOptions {
  /** Also describe /api/_test/* (served only with NUXT_TEST_ROUTES=1). */
  includeTestRoutes?: boolean
  version?: string
}

export function buildOpenApiDocument(opts: DocumentOptions = {}) {
  const paths: ZodOpenApiPathsObject = {}
  const tags: { name: string, description: string }[] = []
  for (const group of ROUTE_GROUPS) {
    const routes = group.routes.filter(r => opts.includeTestRoutes || !r.testOnly)
    if (!routes.length) continue
    tags.push({ name: group.tag, description: group.description })
    for (const route of routes) {
      const item = (paths[route.path] ??= {})
      if (item[route.method]) throw new Error(`OpenAPI: ${route.method.toUpperCase()} ${route.path} is described twice`)
      item[route.method] = operation(group, route)
    }
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Hosting panel API',
      version: opts.version ?? '1.0.0',
      description: 'One REST API over VPS, DNS, domains, SSH keys and billing across VirtFusion, Virtua.cloud, Hostinger and Inferno accounts, plus the customer portal. '
        + 'Authenticate with a personal API token (`Authorization: Bearer <token>`, made on /account/tokens) or the browser session cookie. '
        + 'Errors are always `{ "error": "<sentence>", "code"? }`, plus detail fields where a route has some (DNS: `plan`, `errors`). See docs/api.md in the repository for a short guide.',
    },
    servers: [{ url: '/' }],
    tags,
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal API token (`hp_…`), made on /account/tokens or with POST /api/tokens' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'nuxt-session', description: 'The sealed session cookie the browser gets from POST /api/auth/login' },
      },
    },
    paths,
  })
}
