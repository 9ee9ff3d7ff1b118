/**
 * `npm run bench`: latency of GET /api/servers over the four sandbox providers, each request
 * answered after 200 ms (needs a build: `npm run build`).
 *
 * - cold: the first listing on an empty inventory, which reads all four accounts in parallel,
 *   so it should cost about the slowest provider, not the sum;
 * - warm: later listings, served from the inventory (p50/p95 over 50 calls);
 * - per provider: each account read live on its own (GET …/{provider}/vms), one after another,
 *   to compare the fan-out with a sequential read.
 */
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { startSandbox } from '../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../sandbox/credentials'
import { ROOT, startApp } from '../tests/support/app-process'

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 200)
const WARM_CALLS = 50
const PER_PROVIDER_CALLS = 5
const COLD_ROUNDS = 3
const TYPES = ['virtfusion', 'virtua', 'hostinger', 'inferno'] as const

let cookie = ''
async function call(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json', origin: base, ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const set = res.headers.getSetCookie?.()[0]
  if (set) cookie = set.split(';')[0]!
  const json = await res.json().catch(() => undefined)
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`)
  return json
}

async function timed(fn: () => Promise<unknown>) {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!
}
const ms = (x: number) => `${x.toFixed(0)} ms`

const sandbox = await startSandbox({ latencyMs: 0, transitionMs: 300 })
const pgliteDir = resolve(ROOT, '.data/bench-pglite')
rmSync(pgliteDir, { recursive: true, force: true })
// No background jobs: nothing but the measured requests reaches the providers.
const app = await startApp({ sandboxUrl: sandbox.url, pgliteDir, logFile: resolve(ROOT, '.data/bench-app.log'), env: { JOBS_DISABLED: '1' } })
try {
  const base = app.url
  await call(base, 'POST', '/api/setup', { email: 'bench@example.com', name: 'Bench', password: 'bench-password-123' })
  // Warm the app (route chunks, database, credential decryption) so "cold" means an empty
  // inventory, not a process that has not loaded its code yet.
  await call(base, 'GET', '/api/auth/me')
  await call(base, 'GET', '/api/servers/00000000-0000-4000-8000-000000000000').catch(() => {})
  await call(base, 'GET', '/api/hosting/providers')
  sandbox.faults.globalLatencyMs = LATENCY_MS

  // Each round adds four accounts the inventory has never read: the listing reads them at once.
  const colds: number[] = []
  let coldBody: any
  let upstreamCold = 0
  for (let round = 1; round <= COLD_ROUNDS; round++) {
    for (const t of TYPES) {
      const c = SANDBOX_CREDENTIALS[t]
      await call(base, 'POST', `/api/hosting/providers/${round === 1 ? t : `${t}-${round}`}/configure`, { type: t, api_key: c.api_key, extra: { ...c.extra, base_url: sandboxBaseUrl(sandbox.url, t) } })
    }
    const before = sandbox.requests.length
    const coldStart = Date.now()
    colds.push(await timed(async () => { coldBody = await call(base, 'GET', '/api/servers?per_page=100') }))
    upstreamCold = sandbox.requests.length - before
    if (process.env.BENCH_DEBUG) console.log(sandbox.requests.slice(before).map(r => `${r.provider} ${r.method} ${r.path} ${r.query.action ?? ''} +${r.at - coldStart}`).join('\n'))
  }
  const cold = colds[0]!
  const coldMedian = pct(colds, 50)

  const afterCold = sandbox.requests.length
  const warm: number[] = []
  for (let i = 0; i < WARM_CALLS; i++) warm.push(await timed(() => call(base, 'GET', '/api/servers?per_page=25')))
  const upstreamWarm = sandbox.requests.length - afterCold

  const perProvider: { type: string, p50: number, requests: number }[] = []
  for (const t of TYPES) {
    const runs: number[] = []
    const before = sandbox.requests.length
    for (let i = 0; i < PER_PROVIDER_CALLS; i++) runs.push(await timed(() => call(base, 'GET', `/api/hosting/providers/${t}/vms`)))
    perProvider.push({ type: t, p50: pct(runs, 50), requests: Math.round((sandbox.requests.length - before) / PER_PROVIDER_CALLS) })
  }
  const sequential = perProvider.reduce((s, p) => s + p.p50, 0)
  const slowest = Math.max(...perProvider.map(p => p.p50))

  const rows: [string, string, string][] = [
    ['GET /api/servers, cold (parallel fan-out)', ms(cold), `first listing; ${upstreamCold} upstream requests to 4 accounts`],
    [`GET /api/servers, cold, median of ${COLD_ROUNDS} rounds`, ms(coldMedian), `each round: 4 new never-read accounts (${coldBody.total} servers at the end)`],
    [`GET /api/servers, warm p50 (${WARM_CALLS} calls)`, ms(pct(warm, 50)), `${upstreamWarm} upstream requests`],
    [`GET /api/servers, warm p95 (${WARM_CALLS} calls)`, ms(pct(warm, 95)), 'from the inventory'],
    ...perProvider.map(p => [`  ${p.type}: live read alone (p50 of ${PER_PROVIDER_CALLS})`, ms(p.p50), `${p.requests} upstream requests`] as [string, string, string]),
    ['  the four read one after another (sum)', ms(sequential), 'what a sequential cold listing would cost'],
    ['  the slowest provider alone', ms(slowest), `cold median / slowest = ${(coldMedian / slowest).toFixed(2)}, / sum = ${(coldMedian / sequential).toFixed(2)}`],
  ]
  const w = [Math.max(...rows.map(r => r[0].length)), Math.max(...rows.map(r => r[1].length))]
  console.log(`\nServer inventory latency, sandbox answering every request after ${LATENCY_MS} ms\n`)
  console.log(`${'measure'.padEnd(w[0]!)}  ${'time'.padStart(w[1]!)}  notes`)
  console.log(`${'-'.repeat(w[0]!)}  ${'-'.repeat(w[1]!)}  -----`)
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w[0]!)}  ${b.padStart(w[1]!)}  ${c}`)
  console.log()
}
finally {
  await app.stop()
  await sandbox.close()
}
