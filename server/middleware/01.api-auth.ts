/**
 * Every /api route needs a session or a token, except these. Handlers still check roles;
 * Stripe's webhook proves itself by its signature instead.
 */
const PUBLIC = new Set(['/api/setup', '/api/setup/status', '/api/auth/login', '/api/health', '/api/openapi.json', '/api/docs', '/api/docs/scalar.js', '/api/brand', '/api/brand/logo', '/api/webhooks/stripe'])

export default defineEventHandler(async (event) => {
  const path = event.path.split('?')[0]!
  if (!path.startsWith('/api/') || PUBLIC.has(path) || path.startsWith('/api/_auth')) return
  await requireUser(event)
})
