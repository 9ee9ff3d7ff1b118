import { buildOpenApiDocument } from '../openapi/document'
import { env } from '../lib/config'

let cached: { testRoutes: boolean, doc: ReturnType<typeof buildOpenApiDocument> } | undefined

/** The OpenAPI 3.1 document of this API (public, like the reference page that reads it). */
export default defineEventHandler((event) => {
  const testRoutes = env().NUXT_TEST_ROUTES
  if (!cached || cached.testRoutes !== testRoutes) cached = { testRoutes, doc: buildOpenApiDocument({ includeTestRoutes: testRoutes }) }
  setResponseHeader(event, 'Cache-Control', 'no-cache')
  return cached.doc
})
