/**
 * The API reference: Scalar's standalone bundle (from the installed @scalar/api-reference,
 * served by server/routes/api/docs/scalar.js.get.ts, no CDN) rendering /api/openapi.json.
 */
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
  <script>
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
  </script>
</body>
</html>`

export default defineEventHandler((event) => {
  setResponseHeader(event, 'Content-Type', 'text/html; charset=utf-8')
  return PAGE
})
