/**
 * The sandbox: one local HTTP server speaking all four provider APIs, each mounted under its
 * own prefix, with fault injection and a request log. Admin routes live under `/__sandbox`:
 *   POST   /__sandbox/faults   {provider, ...Fault}   add a fault
 *   DELETE /__sandbox/faults[?provider=]              clear faults
 *   POST   /__sandbox/reset                           restore every seed fixture, clear faults and log
 *   GET    /__sandbox/requests?provider=              the request log (method, path, headers, body)
 *   POST   /__sandbox/latency {ms}                    latency added to every request
 *   POST   /__sandbox/transition {ms}                 how long a state change takes from now on (answers the old value)
 *   POST   /__sandbox/inferno/unpaid-order            an Inferno order that stays Pending (to cancel)
 *   POST   /__sandbox/virtua/limits {cloud_servers}   the account's server limit (kept across a reset; answers the old one)
 *   POST   /__sandbox/strict  {provider, mode}        strict mode: off | omit | rename undocumented fields
 *   GET    /__sandbox/contract                        contract violations seen so far (see sandbox/contract)
 *   DELETE /__sandbox/contract                        forget them
 *   GET    /__sandbox/credentials                     per provider: the api_key and extra it accepts, and its base_path
 *   …      /__sandbox/stripe[/…]                      the Stripe stand-in's key, events, replays (sandbox/stripe)
 *
 * The Stripe stand-in (sandbox/stripe) answers at Stripe's own paths, `/v1/…`, and its hosted
 * Checkout page at `/stripe/checkout/pay/:id`.
 *
 * Contract mode (`contract: true`, or SANDBOX_CONTRACT=1 as the test suites set it) checks every
 * request to and answer from the VirtFusion, Hostinger and Virtua simulators against the
 * providers' OpenAPI files and records what `sandbox/contract/deviations.ts` does not allow.
 * A test that breaks the contract on purpose (a request without a key …) sends the header
 * `x-sandbox-contract: off`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FaultBook, HTML_CHALLENGE, type Fault } from './core/faults'
import type { SimRequest, SimResponse } from './core/router'
import type { ProviderName, SimOptions, Simulator } from './core/simulator'
import { SIMULATORS } from './providers/registry'
import { addUnpaidOrder, type InfernoState } from './providers/inferno/state'
import type { VirtuaState } from './providers/virtua/state'
import { checkExchange, exampleFor, hasSpec, type Violation } from './contract/validator'
import { pruneToExample, stripFields, type StrictMode } from './core/strict'
import { SANDBOX_CREDENTIALS } from './credentials'
import { createStripeStandIn, type StripeStandIn } from './stripe'

/** Every violation any sandbox in this process recorded (the unit suite's after-each-file check reads it). */
export const contractViolations: Violation[] = []
const queuedChecks: (() => void)[] = []
function runQueuedChecks() {
  for (const check of queuedChecks.splice(0)) check()
}
/** Runs every contract check queued so far. */
export async function contractSettled(): Promise<void> {
  runQueuedChecks()
}

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
  /** The Stripe stand-in (sandbox/stripe): its sessions, events and deliveries. */
  stripe: StripeStandIn
  /** Contract violations this sandbox saw (contract mode only). */
  violations: Violation[]
  /**
   * Strict mode per provider (core/strict.ts): answers lose or rename the fields no document
   * names. SANDBOX_STRICT=omit|rename sets it for all; `reset()` leaves it as it is.
   */
  strict: Record<ProviderName, StrictMode>
  setStrict(provider: ProviderName, mode: StrictMode): void
  /** Runs `fn` with the contract check paused: for tests whose point is a request the spec forbids. */
  offContract<T>(fn: () => Promise<T>): Promise<T>
  reset(): void
  close(): Promise<void>
}

export interface SandboxOptions extends Partial<SimOptions> {
  port?: number
  host?: string
  latencyMs?: number
  /** Check traffic against the providers' OpenAPI files; default: SANDBOX_CONTRACT=1. */
  contract?: boolean
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
  const sims = Object.fromEntries(Object.entries(SIMULATORS).map(([name, sim]) => [name, sim.create(simOpts)])) as Record<ProviderName, Simulator>
  const faults = new FaultBook()
  const stripe = createStripeStandIn()
  faults.globalLatencyMs = opts.latencyMs ?? Number(process.env.SANDBOX_LATENCY_MS ?? 0)
  const requests: LoggedRequest[] = []
  const hanging = new Set<ServerResponse>()
  const violations: Violation[] = []
  const contract = opts.contract ?? process.env.SANDBOX_CONTRACT === '1'
  let paused = 0
  const initialStrict = (process.env.SANDBOX_STRICT ?? 'off') as StrictMode
  const strict = Object.fromEntries(Object.keys(sims).map(p => [p, initialStrict])) as Record<ProviderName, StrictMode>
  /** The answer as strict mode shapes it. */
  function strictAnswer(sim: Simulator, req: SimRequest, out: SimResponse): SimResponse {
    const mode = strict[sim.name]
    if (mode === 'off' || out.json === undefined) return out
    if (sim.undocumented) return { ...out, json: stripFields(out.json, sim.undocumented(req), mode) }
    if (sim.name === 'virtfusion') return { ...out, json: pruneToExample(out.json, exampleFor('virtfusion', req.method, req.path, out.status ?? 200), mode) }
    return out
  }
  /**
   * Queues one exchange for the contract check; `res` is absent when a fault, not the simulator,
   * answered. Checks run later, in `contractSettled()` (the suites' after-each-file check and
   * GET /__sandbox/contract), or once 500 are queued: compiling a spec's schemas takes a
   * moment and must not stall a simulator in the middle of a timing-sensitive test.
   */
  function checkContract(provider: ProviderName, req: SimRequest, res?: SimResponse) {
    if (!contract || paused > 0 || !hasSpec(provider) || req.headers['x-sandbox-contract'] === 'off') return
    const exchange = { method: req.method, path: req.path, query: { ...req.query }, headers: { ...req.headers }, rawBody: req.rawBody }
    const answer = res && {
      status: res.status ?? 200,
      contentType: res.json !== undefined ? (res.headers?.['content-type'] ?? res.contentType ?? 'application/json') : res.contentType,
      // A snapshot: the simulator's state changes after this.
      body: res.json === undefined ? undefined : JSON.parse(JSON.stringify(res.json)),
    }
    queuedChecks.push(() => {
      let found: Violation[]
      try { found = checkExchange(provider, exchange, answer) }
      catch (e) {
        // A broken check must fail the suite, never the simulated answer.
        found = [{ provider, kind: 'check-error', method: req.method, path: req.path, message: (e as Error).message }]
      }
      violations.push(...found)
      contractViolations.push(...found)
    })
    if (queuedChecks.length >= 500) setImmediate(runQueuedChecks)
  }

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
    if (route === '/transition' && req.method === 'POST') {
      const ms = Number(body?.ms)
      if (!Number.isInteger(ms) || ms < 1) return { status: 400, json: { error: 'ms must be a positive whole number' } }
      const previous = simOpts.transitionMs
      // The simulators read this object when a change starts: changes under way keep their end.
      simOpts.transitionMs = ms
      return { json: { status: 'ok', ms, previous } }
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
    if (route === '/virtua/limits' && req.method === 'POST') {
      const n = Number(body?.cloud_servers)
      if (!Number.isInteger(n) || n < 0) return { status: 400, json: { error: 'cloud_servers must be a whole number' } }
      const virtua = sims.virtua.state as VirtuaState
      const previous = Number(virtua.limits.cloud_servers)
      virtua.serverLimit = virtua.limits.cloud_servers = String(n)
      return { json: { status: 'ok', cloud_servers: n, previous } }
    }
    if (route === '/strict' && req.method === 'POST') {
      const { provider, mode } = (body ?? {}) as { provider: ProviderName, mode: StrictMode }
      if (!provider || !(provider in sims) || !['off', 'omit', 'rename'].includes(mode)) return { status: 400, json: { error: 'provider and mode (off|omit|rename) are required' } }
      strict[provider] = mode
      return { json: { status: 'ok', provider, mode } }
    }
    if (route === '/contract' && req.method === 'GET') {
      await contractSettled()
      return { json: violations }
    }
    if (route === '/contract' && req.method === 'DELETE') {
      violations.length = 0
      return { json: { status: 'ok' } }
    }
    if (route === '/credentials' && req.method === 'GET') return { json: SANDBOX_CREDENTIALS }
    if (route === '/stripe' || route.startsWith('/stripe/')) return stripe.admin(req.method ?? 'GET', route.slice('/stripe'.length), body)
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
      if (stripe.handles(url.pathname)) {
        const query = Object.fromEntries(url.searchParams)
        const origin = `http://${req.headers.host ?? `${opts.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`}`
        return send(res, await stripe.handle({ method: (req.method ?? 'GET').toUpperCase(), path: url.pathname, query, headers: req.headers, rawBody, origin }))
      }

      const sim = Object.values(sims).find(s => url.pathname === s.prefix || url.pathname.startsWith(s.prefix + '/'))
      if (!sim) {
        // A panel page (not an API call): no key, no contract, no request log.
        for (const s of Object.values(sims)) {
          const page = s.page?.((req.method ?? 'GET').toUpperCase(), url)
          if (page) return send(res, page)
        }
      }
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
      const simReq: SimRequest = { method, path, params: {}, query, headers: req.headers, body, rawBody }
      if (fault) checkContract(sim.name, simReq)
      const before = fault && !fault.afterEffect && !fault.hangAfter ? fault : undefined
      if (before && injected(before, req, res)) return

      const denied = sim.authorize(simReq)
      if (denied) { checkContract(sim.name, simReq, denied); return send(res, denied) }
      const m = sim.router.match(method, path)
      let out: SimResponse
      if (m === null) out = sim.notFound(simReq)
      else if (m === 'method') out = { status: 405, json: { message: `Method ${method} not allowed` } }
      else out = await m.handler({ ...simReq, params: m.params })
      out = strictAnswer(sim, simReq, out)
      if (!fault) checkContract(sim.name, simReq, out)
      if (fault?.hangAfter) { hanging.add(res); res.on('close', () => hanging.delete(res)); return }
      if (fault?.latencyAfterMs) {
        // The answer as it was on arrival (it may point into live state): then late.
        if (out.json !== undefined) out = { ...out, json: structuredClone(out.json) }
        await sleep(fault.latencyAfterMs)
      }
      if (fault?.afterEffect && injected(fault, req, res)) return
      send(res, out)
    }
    catch (err) {
      send(res, { status: 500, json: { message: `sandbox error: ${(err as Error).message}` } })
    }
  })

  // Websockets (VirtFusion's VNC proxy): the simulator whose panel root holds the path takes it.
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://sandbox')
    if (!Object.values(sims).some(s => s.upgrade?.(req, socket, head, url))) socket.destroy()
  })

  await new Promise<void>(resolve => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const sandbox: Sandbox = {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    faults,
    requests,
    sims,
    stripe,
    violations,
    strict,
    setStrict(provider, mode) { strict[provider] = mode },
    async offContract(fn) {
      paused++
      try { return await fn() }
      finally { paused-- }
    },
    reset() {
      for (const s of Object.values(sims)) s.reset()
      stripe.reset()
      faults.clear()
      requests.length = 0
    },
    async close() {
      for (const s of Object.values(sims)) s.close?.()
      for (const r of hanging) r.destroy()
      server.closeAllConnections?.()
      await new Promise<void>(r => server.close(() => r()))
    },
  }
  return sandbox
}
