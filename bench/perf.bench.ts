/**
 * `npm run bench`: the performance figures of issue 13, each next to a baseline measured in the
 * same run, as one table (figure, value, baseline, ratio, goal, holds?). Needs a build
 * (`npm run build`). Runs on the embedded default (PGlite), or on PostgreSQL with
 * BENCH_DATABASE_URL (that database is emptied first).
 *
 *  - warm GET /api/servers (25 rows) and GET /api/auth/me: req/s at c=1 and c=10 against a bare
 *    h3 process answering the same bytes;
 *  - payload bytes per server row;
 *  - DNS: merge import of an unchanged 5,000-record zone vs the replace dry run; upstream calls
 *    for one change; the snapshot list of that zone;
 *  - 10,000 servers / 1,000 zones: p95 of listing pages through the API vs their SQL alone.
 *
 * BENCH_SECONDS (default 3) is the length of each throughput run. BENCH_PARTS (default all) picks
 * sections: a comma list of throughput, dns, scale.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startSandbox } from '../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../sandbox/credentials'
import { ROOT, resetPostgres, startApp, type AppProcess } from '../tests/support/app-process'
import { seedScale } from '../tests/support/scale-seed'
import { loadInterleaved, p95Of, percentile, type LoadResult } from './lib/load'
import { openBenchDb, type BenchDb } from './lib/db'
import { runListingSql, sqlAlone } from './lib/sql-alone'
import { childPids, rssMb } from '../tests/support/processes'

const DB_URL = process.env.BENCH_DATABASE_URL
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3)
const PARTS = new Set((process.env.BENCH_PARTS ?? 'throughput,dns,scale').split(','))
const SCALE_CALLS = Number(process.env.BENCH_SCALE_CALLS ?? 60)
const TYPES = ['virtfusion', 'virtua', 'hostinger', 'inferno'] as const
const tmp = mkdtempSync(join(tmpdir(), 'bench-'))

interface Row { figure: string, value: string, baseline: string, ratio: string, goal: string, holds: string }
const rows: Row[] = []
const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : 'n/a')
function figure(figure: string, value: number, unit: string, baseline: number | null, baseUnit: string, goal: { text: string, ok: (v: number, ratio: number) => boolean }, digits = 0) {
  const ratio = baseline ? value / baseline : NaN
  rows.push({
    figure,
    value: `${fmt(value, digits)} ${unit}`.trim(),
    baseline: baseline === null ? '—' : `${fmt(baseline, digits)} ${baseUnit}`.trim(),
    ratio: baseline ? `${ratio.toFixed(2)}×` : '—',
    goal: goal.text,
    holds: goal.ok(value, ratio) ? 'yes' : 'NO',
  })
  console.error(`  ${figure}: ${rows.at(-1)!.value} (baseline ${rows.at(-1)!.baseline})`)
}

let cookie = ''
async function call(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', 'accept': 'application/json', 'origin': base, ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const set = res.headers.getSetCookie?.()[0]
  if (set) cookie = set.split(';')[0]!
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`)
  return { json: text ? JSON.parse(text) : undefined, bytes: Buffer.byteLength(text) }
}

async function startBaseline(routes: Record<string, string>): Promise<{ url: string, stop: () => void }> {
  const file = join(tmp, 'routes.json')
  writeFileSync(file, JSON.stringify(routes))
  const child = spawn(process.execPath, [resolve(import.meta.dirname, 'lib/h3-baseline.mjs'), file], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<number>((res, rej) => {
    child.stdout!.on('data', (d: Buffer) => { const m = /listening (\d+)/.exec(d.toString()); if (m) res(Number(m[1])) })
    child.on('exit', code => rej(new Error(`h3 baseline exited with ${code}`)))
  })
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') }
}

const loadAtStart = loadavg()[0]!
const sandbox = await startSandbox({ latencyMs: 0, transitionMs: 300 })
const pgliteDir = resolve(ROOT, '.data/bench-pglite')
if (DB_URL) await resetPostgres(DB_URL)
else rmSync(pgliteDir, { recursive: true, force: true })
const logFile = resolve(ROOT, '.data/bench-app.log')
rmSync(logFile, { force: true })
const appOptions = { sandboxUrl: sandbox.url, databaseUrl: DB_URL, pgliteDir, logFile, env: { JOBS_DISABLED: '1' } }
let app: AppProcess = await startApp(appOptions)
let baseline: { url: string, stop: () => void } | undefined
try {
  const base = () => app.url
  console.error(`bench on ${DB_URL ? 'PostgreSQL' : 'PGlite (embedded default)'}, ${SECONDS} s per throughput run`)
  await call(base(), 'POST', '/api/setup', { email: 'bench@example.com', name: 'Bench', password: 'bench-password-123' })
  // Three accounts per provider type on the sandbox: 33 servers, so a page has 25 rows.
  for (const round of [1, 2, 3]) {
    for (const t of TYPES) {
      const c = SANDBOX_CREDENTIALS[t]
      await call(base(), 'POST', `/api/hosting/providers/${round === 1 ? t : `${t}-${round}`}/configure`, { type: t, api_key: c.api_key, extra: { ...c.extra, base_url: sandboxBaseUrl(sandbox.url, t) } })
    }
  }
  const listing = await call(base(), 'GET', '/api/servers?per_page=25')
  const me = await call(base(), 'GET', '/api/auth/me')
  const items = listing.json.items.length

  // ---------- memory: the app and, on the embedded default, its database process ----------
  const memory = (when: string) => {
    const appPid = app.child.pid!
    figure(`RSS of the app process, ${when}`, rssMb(appPid), 'MB', null, '', { text: '≤ 200 MB', ok: v => v <= 200 })
    if (DB_URL) return
    const dbPids = childPids(appPid, 'pglite-server')
    const dbRss = dbPids.reduce((sum, pid) => sum + rssMb(pid), 0)
    rows.push({ figure: `RSS of the database process, ${when}`, value: dbPids.length ? `${fmt(dbRss)} MB` : 'none (PGlite in the app)', baseline: '—', ratio: '—', goal: '—', holds: '—' })
  }
  memory('idle, after setup')

  if (PARTS.has('throughput')) {
  // ---------- throughput against bare h3 ----------
    baseline = await startBaseline({ '/api/servers': JSON.stringify(listing.json), '/api/auth/me': JSON.stringify(me.json) })
    const headers = { cookie }
    const pair = async (path: string, c: number): Promise<[LoadResult, LoadResult]> => {
      const [ours, h3] = await loadInterleaved(base() + path, baseline!.url + path, { connections: c, durationMs: SECONDS * 1000, headers })
      if (ours.errors) throw new Error(`${path}: ${ours.errors} failed requests`)
      return [ours, h3]
    }
    for (const c of [1, 10]) {
      const [ours, h3] = await pair('/api/servers?per_page=25', c)
      figure(`warm GET /api/servers (${items} rows) c=${c}`, ours.rps, 'req/s', h3.rps, 'req/s (h3)', { text: '≥ 0.15×', ok: (_, r) => r >= 0.15 })
    }
    for (const c of [1, 10]) {
      const [ours, h3] = await pair('/api/auth/me', c)
      figure(`GET /api/auth/me c=${c}`, ours.rps, 'req/s', h3.rps, 'req/s (h3)', { text: '≥ 0.35×', ok: (_, r) => r >= 0.35 })
    }
    baseline.stop()
    baseline = undefined
    memory('after the throughput runs')
  }

  // Fresh data: a change made through the API (an admin lock) shows in the very next listing.
  const first = listing.json.items[0]
  await call(base(), 'PATCH', `/api/servers/${first.id}`, { admin_locked: true, lock_reason: 'bench' })
  const after = await call(base(), 'GET', '/api/servers?per_page=25')
  const fresh = after.json.items.some((s: any) => s.id === first.id && s.admin_locked === true)
  await call(base(), 'PATCH', `/api/servers/${first.id}`, { admin_locked: false, lock_reason: null })
  rows.push({ figure: 'a change made through the API shows in the next listing', value: fresh ? 'yes' : 'no', baseline: '—', ratio: '—', goal: 'yes', holds: fresh ? 'yes' : 'NO' })

  const rowBytes = Buffer.byteLength(JSON.stringify(listing.json.items)) / items
  figure('payload per server row (GET /api/servers, rows)', rowBytes, 'B', null, '', { text: '≤ 1,024 B', ok: v => v <= 1024 })
  // The side sections (accounts with their capability maps: here 12 accounts) spread over the rows.
  figure(`  whole answer per row (${listing.json.accounts?.length ?? 0} accounts in its side section)`, listing.bytes / items, 'B', null, '', { text: '—', ok: () => true })

  if (PARTS.has('dns')) {
  // ---------- DNS ----------
    const domain = `bench-${Date.now().toString(36)}.com`
    const bought = await fetch(`${sandboxBaseUrl(sandbox.url, 'hostinger')}/api/domains/v1/portfolio`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${SANDBOX_CREDENTIALS.hostinger.api_key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ domain, item_id: 'hostingercom-domain-com-usd-1y' }),
    })
    if (!bought.ok) throw new Error(`sandbox domain purchase: ${bought.status}`)
    const zoneFile = [`$ORIGIN ${domain}.`, `$TTL 3600`,
      ...Array.from({ length: 5000 }, (_, i) => `h${i} 3600 IN A 10.${(i >> 8) & 255}.${i & 255}.${1 + (i % 250)}`)].join('\n') + '\n'
    const zonePath = `/api/hosting/providers/hostinger/dns/${domain}`
    await call(base(), 'POST', `${zonePath}/import`, { zone_file: zoneFile, mode: 'replace', force: true })
    // Alternated (and which goes first, too), so both see the same load; medians of 10.
    const mergeTimes: number[] = []
    const replaceTimes: number[] = []
    for (let i = -1; i < 10; i++) {
      const pair = [['merge', mergeTimes], ['replace', replaceTimes]] as const
      for (const [mode, into] of i % 2 ? [...pair].reverse() : pair) {
        const s = performance.now()
        await call(base(), 'POST', `${zonePath}/import`, { zone_file: zoneFile, mode, dry_run: true })
        if (i >= 0) into.push(performance.now() - s)
      }
    }
    const merge = { p50: percentile(mergeTimes, 50) }
    const replace = { p50: percentile(replaceTimes, 50) }
    figure('DNS merge import, unchanged 5,000-record zone (p50)', merge.p50, 'ms', replace.p50, 'ms (replace dry run)', { text: '≤ 1.2×', ok: (_, r) => r <= 1.2 })
    const before = sandbox.requests.length
    await call(base(), 'POST', zonePath, { type: 'TXT', name: 'bench', content: 'one change', ttl: 300 })
    const upstream = sandbox.requests.slice(before).filter(r => r.provider === 'hostinger')
    figure('DNS: upstream calls for one change', upstream.length, `(${upstream.map(r => r.path.endsWith('/validate') ? 'validate' : r.method).join(', ')})`, 3, 'needed', { text: '≤ 3', ok: v => v <= 3 })
    for (let i = 0; i < 4; i++) await call(base(), 'POST', zonePath, { type: 'TXT', name: `bench${i}`, content: 'more history', ttl: 300 })
    const snaps = await p95Of(10, () => call(base(), 'GET', `${zonePath}/snapshots`))
    const zoneRead = await p95Of(10, () => call(base(), 'GET', zonePath))
    figure('DNS snapshot list of the 5k zone (p50)', snaps.p50, 'ms', zoneRead.p50, 'ms (reading the zone)', { text: '≤ 1× a zone read', ok: (_, r) => r <= 1 }, 1)
  }

  if (PARTS.has('scale')) {
  // ---------- 10,000 servers ----------
  // Seeded straight into the database: PGlite allows one process, so the app steps aside.
    if (!DB_URL) await app.stop()
    const db: BenchDb = await openBenchDb(DB_URL, pgliteDir)
    const seeded = await seedScale(db.query)
    const pages: [string, Record<string, string>][] = [
      ['default page (name)', {}],
      ['filtered, sorted: status=running, -created_at', { status: 'running', sort: '-created_at' }],
      ['search q=web-12 (a term every name shares a part of)', { q: 'web-12' }],
      ['search q=host4242 (selective)', { q: 'host4242' }],
    ]
    const apiPath = (q: Record<string, string>) => `/api/servers?${new URLSearchParams({ per_page: '25', ...q })}`
    const sqlTimes = new Map<string, { p50: number, p95: number }>()
    const apiTimes = new Map<string, { p50: number, p95: number }>()
    if (DB_URL) {
    // PostgreSQL: API call and SQL alone interleaved, so both see the same machine load.
      for (const [label, q] of pages) {
        const api: number[] = []
        const alone: number[] = []
        const timeIt = async (into: number[], fn: () => Promise<unknown>) => { const s = performance.now(); await fn(); into.push(performance.now() - s) }
        await call(base(), 'GET', apiPath(q))
        await runListingSql(db, q)
        for (let i = 0; i < SCALE_CALLS; i++) {
          await timeIt(api, () => call(base(), 'GET', apiPath(q)))
          await timeIt(alone, () => runListingSql(db, q))
        }
        apiTimes.set(label, { p50: percentile(api, 50), p95: percentile(api, 95) })
        sqlTimes.set(label, { p50: percentile(alone, 50), p95: percentile(alone, 95) })
      }
    }
    // PGlite is one process's: the SQL alone runs here while the app is stopped, then the API.
    else for (const [label, q] of pages) sqlTimes.set(label, await sqlAlone(db, q, SCALE_CALLS))
    if (!DB_URL) {
      await db.close()
      app = await startApp({ ...appOptions, keepData: true })
      cookie = ''
      await call(base(), 'POST', '/api/auth/login', { email: 'bench@example.com', password: 'bench-password-123' })
    }
    for (const [label, q] of pages) {
      const api = apiTimes.get(label) ?? await p95Of(SCALE_CALLS, () => call(base(), 'GET', apiPath(q)))
      const sql = sqlTimes.get(label)!
      figure(`10k servers, ${label}: API p95`, api.p95, `ms (p50 ${api.p50.toFixed(1)})`, sql.p95, `ms (its SQL alone; p50 ${sql.p50.toFixed(1)})`, { text: '≤ 20 ms, ≤ 1.3×', ok: (v, r) => v <= 20 && r <= 1.3 }, 1)
    }
    if (DB_URL) await db.close()
    void seeded
  }
}
finally {
  baseline?.stop()
  await app.stop()
  await sandbox.close()
  rmSync(tmp, { recursive: true, force: true })
}

const cols: (keyof Row)[] = ['figure', 'value', 'baseline', 'ratio', 'goal', 'holds']
const width = cols.map(c => Math.max(c.length, ...rows.map(r => r[c].length)))
const line = (r: Record<keyof Row, string>) => cols.map((c, i) => r[c].padEnd(width[i]!)).join(' | ')
console.log(`\nPerformance on ${DB_URL ? 'PostgreSQL' : 'PGlite (embedded default)'} — baselines measured in the same run`)
// Timings on a shared machine depend on what else runs: the 1-minute load average, on this many cores.
console.log(`machine load ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end, ${cpus().length} cores\n`)
console.log(line({ figure: 'figure', value: 'value', baseline: 'baseline', ratio: 'ratio', goal: 'goal', holds: 'holds?' }))
console.log(width.map(w => '-'.repeat(w)).join('-|-'))
for (const r of rows) console.log(line(r))
console.log()
