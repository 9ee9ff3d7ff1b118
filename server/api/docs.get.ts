/**
 * The API reference: Scalar's standalone bundle (from the installed @scalar/api-reference,
 * served by server/routes/api/docs/scalar.js.get.ts, no CDN) rendering /api/openapi.json.
 */
import { createHash } from 'node:crypto'

/** Scalar's start-up, inline; the page's CSP allows exactly this script by its hash. */
const INIT = `
    Scalar.createApiReference('#app', {
      url: '/api/openapi.json',
      // Offline and self-contained: no fonts from a CDN, no telemetry, none of Scalar's hosted
      // services (AI agent, MCP, developer tools).
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      showDeveloperTools: 'never',
      persistAuth: false,
    })
  `

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Hosting panel API reference</title>
</head>
<body>
  <div id="app"></div>
  <script src="/api/docs/scalar.js"></script>
  <script>${INIT}</script>
</body>
</html>`

/**
 * Every other /api answer is data under `default-src 'none'` (nuxt.config routeRules); this one
 * is a page: our own script, that one inline script, Scalar's inline styles, calls to this site.
 */
const CSP = [
  'default-src \'none\'',
  `script-src 'self' 'sha256-${createHash('sha256').update(INIT).digest('base64')}'`,
  'style-src \'self\' \'unsafe-inline\'',
  'img-src \'self\' data:',
  'font-src \'self\' data:',
  'connect-src \'self\'',
  'worker-src \'self\' blob:',
  'base-uri \'none\'',
  'form-action \'none\'',
  'frame-ancestors \'none\'',
].join('; ')

export default defineEventHandler((event) => {
  setResponseHeader(event, 'Content-Type', 'text/html; charset=utf-8')
  setResponseHeader(event, 'Content-Security-Policy', CSP)
  return PAGE
})
