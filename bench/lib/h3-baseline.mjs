/**
 * The baseline: a bare h3 app (the framework under Nitro) in its own process, answering fixed
 * bytes per path, with the same content type as the app. Usage: node h3-baseline.mjs routes.json
 * where routes.json is { "/path": "<body>" }. Prints "listening <port>".
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createApp, eventHandler, setResponseHeader, toNodeListener } from 'h3'

const routes = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const app = createApp()
app.use(eventHandler((event) => {
  const body = routes[event.path.split('?')[0]]
  if (body === undefined) return
  setResponseHeader(event, 'content-type', 'application/json')
  return body
}))
const server = createServer(toNodeListener(app))
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
