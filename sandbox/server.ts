/**
 * The sandbox: one local HTTP server speaking all four provider APIs, each mounted under its
 * own prefix, with fault injection and a request log. Admin routes live under `/__sandbox`:
 *   POST   /__sandbox/faults   {provider, ...Fault}   add a fault
 *   DELETE /__sandbox/faults[?provider=]              clear faults
 *   POST   /__sandbox/reset                           restore every seed fixture, clear faults and log
 *   GET    /__sandbox/requests?provider=              the request log (method, path, headers, body)
 *   POST   /__sandbox/latency {ms}                    latency added to every request
 *   POST   /__sandbox/inferno/unpaid-order            an Inferno order that stays Pending (to cancel)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FaultBook, HTML_CHALLENGE, type Fault } from './core/faults'
import type { SimRequest, SimResponse } from './core/router'
import type { ProviderName, SimOptions, Simulator } from './core/simulator'
import { createVirtfusionSim } from './providers/virtfusion'
import { createVirtuaSim } from './providers/virtua'
import { createHostingerSim } from './providers/hostinger'
import { createInfernoSim } from './providers/inferno'
import { addUnpaidOrder, type InfernoState } from './providers/inferno/state'

export interface LoggedRequest {
  provider: ProviderName
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  body: Record<string, any> | undefined
  rawBody: string
  at: number
}

export interface Sandbox {
  url: string
  port: number
  faults: FaultBook
  requests: LoggedRequest[]
  sims: Record<ProviderName, Simulator>
  reset(): void
  close(): Promise<void>
}

export interface SandboxOptions extends Partial<SimOptions> {
  port?: number
  host?: string
  latencyMs?: number
}

function parseBody(raw: string, contentType: string | undefined): Record<string, any> | undefined {
  if (!raw) return undefined
  if (contentType?.includes('application/json')) {
    try { return JSON.parse(raw) }
    catch { return { __invalidJson: raw } }
  }
  if (contentType?.includes('application/x-www-form-urlencoded') || !contentType) {
    const p = new URLSearchParams(raw)
    const out: Record<string, string> = {}
    for (const [k, v] of p) out[k] = v
    return out
  }
  return { __raw: raw }
}

function send(res: ServerResponse, r: SimResponse) {
  const status = r.status ?? 200
  const headers: Record<string, string> = { ...r.headers }
  let body = ''
  if (r.json !== undefined) {
    body = JSON.stringify(r.json)
    headers['content-type'] ??= r.contentType ?? 'application/json'
  }
  else if (r.text !== undefined) {
    body = r.text
    headers['content-type'] ??= r.contentType ?? 'text/plain; charset=utf-8'
  }
  res.writeHead(status, headers)
  res.end(status === 204 ? undefined : body)
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const simOpts: SimOptions = { transitionMs: opts.transitionMs ?? Number(process.env.SANDBOX_TRANSITION_MS ?? 3000) }
  const sims: Record<ProviderName, Simulator> = {
    virtfusion: createVirtfusionSim(simOpts),
    virtua: createVirtuaSim(simOpts),
    hostinger: createHostingerSim(simOpts),
    inferno: createInfernoSim(simOpts),
  }
  const faults = new FaultBook()
  faults.globalLatencyMs = opts.latencyMs ?? Number(process.env.SANDBOX_LATENCY_MS ?? 0)
  const requests: LoggedRequest[] = []
  const hanging = new Set<ServerResponse>()

  async function admin(req: IncomingMessage, url: URL, body: Record<string, any> | undefined): Promise<SimResponse> {
    const route = url.pathname.replace('/__sandbox', '')
    if (route === '/faults' && req.method === 'POST') {
      const { provider, ...fault } = (body ?? {}) as Fault & { provider: ProviderName }
      if (!provider || !(provider in sims)) return { status: 400, json: { error: 'provider must be one of ' + Object.keys(sims).join(', ') } }
      faults.add(provider, fault)
      return { json: { status: 'ok' } }
    }
    if (route === '/faults' && req.method === 'DELETE') {
      faults.clear(url.searchParams.get('provider') ?? undefined)
      return { json: { status: 'ok' } }
    }
    if (route === '/reset' && req.method === 'POST') {
      sandbox.reset()
      return { json: { status: 'ok' } }
    }
    if (route === '/latency' && req.method === 'POST') {
      faults.globalLatencyMs = Number(body?.ms ?? 0)
      return { json: { status: 'ok', ms: faults.globalLatencyMs } }
    }
    if (route === '/requests' && req.method === 'GET') {
      const p = url.searchParams.get('provider')
      return { json: requests.filter(r => !p || r.provider === p) }
    }
    if (route === '/inferno/unpaid-order' && req.method === 'POST') {
      return { json: addUnpaidOrder(sims.inferno.state as InfernoState) }
    }
    if (route === '/health') return { json: { status: 'ok', providers: Object.keys(sims) } }
    return { status: 404, json: { error: 'unknown sandbox admin route' } }
  }

  /** Answers `res` as the fault says; false when the fault only adds latency. */
  function injected(fault: Fault, req: IncomingMessage, res: ServerResponse): boolean {
    if (fault.hang) { hanging.add(res); res.on('close', () => hanging.delete(res)); return true }
    if (fault.reset) { req.socket.destroy(); return true }
    if (fault.html) { send(res, { status: fault.status ?? 200, text: HTML_CHALLENGE, contentType: 'text/html; charset=utf-8' }); return true }
    if (fault.status) {
      const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}
      send(res, { status: fault.status, json: { message: `sandbox injected HTTP ${fault.status}` }, headers })
      return true
    }
    return false
  }

  const server: Server = createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      const rawBody = Buffer.concat(chunks).toString('utf8')
      const url = new URL(req.url ?? '/', 'http://sandbox')
      const body = parseBody(rawBody, req.headers['content-type'])
      if (url.pathname.startsWith('/__sandbox')) return send(res, await admin(req, url, body))

      const sim = Object.values(sims).find(s => url.pathname === s.prefix || url.pathname.startsWith(s.prefix + '/'))
      if (!sim) return send(res, { status: 404, json: { error: `no simulator at ${url.pathname}` } })
      const path = url.pathname.slice(sim.prefix.length) || '/'
      const query: Record<string, string> = {}
      for (const [k, v] of url.searchParams) query[k] = v
      const method = (req.method ?? 'GET').toUpperCase()
      requests.push({ provider: sim.name, method, path, query, headers: req.headers, body, rawBody, at: Date.now() })
      if (requests.length > 5000) requests.splice(0, requests.length - 5000)

      if (faults.globalLatencyMs) await sleep(faults.globalLatencyMs)
      // `match` may name a query too (Inferno has one path: `action=balance`).
      const fault = faults.take(sim.name, method, path + url.search)
      if (fault?.latencyMs) await sleep(fault.latencyMs)
      const before = fault && !fault.afterEffect && !fault.hangAfter ? fault : undefined
      if (before && injected(before, req, res)) return

      const simReq: SimRequest = { method, path, params: {}, query, headers: req.headers, body, rawBody }
      const denied = sim.authorize(simReq)
      if (denied) return send(res, denied)
      const m = sim.router.match(method, path)
      let out: SimResponse
      if (m === null) out = sim.notFound(simReq)
      else if (m === 'method') out = { status: 405, json: { message: `Method ${method} not allowed` } }
      else out = await m.handler({ ...simReq, params: m.params })
      if (fault?.hangAfter) { hanging.add(res); res.on('close', () => hanging.delete(res)); return }
      if (fault?.afterEffect && injected(fault, req, res)) return
      send(res, out)
    }
    catch (err) {
      send(res, { status: 500, json: { message: `sandbox error: ${(err as Error).message}` } })
    }
  })

  await new Promise<void>(resolve => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const sandbox: Sandbox = {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    faults,
    requests,
    sims,
    reset() {
      for (const s of Object.values(sims)) s.reset()
      faults.clear()
      requests.length = 0
    },
    async close() {
      for (const r of hanging) r.destroy()
      server.closeAllConnections?.()
      await new Promise<void>(r => server.close(() => r()))
    },
  }
  return sandbox
}
