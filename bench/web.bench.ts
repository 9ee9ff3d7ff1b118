/**
 * `npm run bench:web`: what the browser downloads (needs a build: `npm run build`).
 *
 * - first load of /login and /servers: JS+CSS bytes on the wire (as encoded, i.e. compressed when
 *   the server compresses), fonts apart, measured in Chromium (Debian's /usr/bin/chromium);
 * - entry CSS: the stylesheets the SSR page links in its <head> (raw and brotli);
 * - whether a page, an API answer and a JS asset come back compressed;
 * - layout shift (CLS) of /servers and /billing in that browser;
 * - main-thread CPU time of a signed-in first load of /servers, /dns, /billing (a Chrome trace's
 *   CPU time, steady under machine load where Lighthouse's wall-clock timings are not);
 * - Lighthouse desktop performance for /login, /servers, /dns, /billing (median of 3 runs) when `lighthouse` is
 *   installed (LIGHTHOUSE_BIN, see below; BENCH_LIGHTHOUSE=0 skips it). Scores are timing based:
 *   noisy on a loaded machine. BENCH_LIGHTHOUSE_DIR=<dir> keeps each page's report there;
 *   BENCH_FILES=1 lists the first loads' scripts and stylesheets with their sizes.
 *
 * "baseline" is the figure measured before the front-end work (issue 13, same machine, same bench);
 * byte figures are solid.
 */
import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompressSync } from 'node:zlib'
import { chromium, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test'
import { startSandbox } from '../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../sandbox/credentials'
import { ROOT, startApp } from '../tests/support/app-process'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ADMIN = { email: 'bench-web@example.com', name: 'Bench', password: 'bench-password-123' }
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`

const sandbox = await startSandbox({ latencyMs: 0, transitionMs: 300 })
const pgliteDir = resolve(ROOT, '.data/bench-web-pglite')
rmSync(pgliteDir, { recursive: true, force: true })
const app = await startApp({ sandboxUrl: sandbox.url, pgliteDir, logFile: resolve(ROOT, '.data/bench-web-app.log'), env: { JOBS_DISABLED: '1' } })
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] })
const rows: [string, string, string, string][] = []
try {
  const base = app.url
  let cookie = ''
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json', origin: base, ...(cookie ? { cookie } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) })
    const set = res.headers.getSetCookie?.()[0]
    if (set) cookie = set.split(';')[0]!
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`)
    return res.json().catch(() => undefined)
  }
  await call('POST', '/api/setup', ADMIN)
  // A realistic /servers page: the four sandbox accounts and their servers.
  for (const t of ['virtfusion', 'virtua', 'hostinger', 'inferno'] as const) {
    const c = SANDBOX_CREDENTIALS[t]
    await call('POST', `/api/hosting/providers/${t}/configure`, { type: t, api_key: c.api_key, extra: { ...c.extra, base_url: sandboxBaseUrl(sandbox.url, t) } })
  }
  await call('GET', '/api/servers?per_page=25')

  // Compression of one page, one API answer and one JS asset, as a browser asks for them.
  const html = await fetch(`${base}/login`, { headers: { 'accept-encoding': 'br, gzip' } })
  const htmlText = await html.text()
  const api = await fetch(`${base}/api/servers?per_page=25`, { headers: { 'accept-encoding': 'br, gzip', cookie } })
  // The largest script the page links: the entry itself can be a few bytes that only import the
  // framework chunk, and files that small are not worth compressing (so are not precompressed).
  const linked = [...new Set([...htmlText.matchAll(/\/_nuxt\/[^"']+\.js/g)].map(m => m[0]))]
  const size = (href: string) => (existsSync(resolve(ROOT, '.output/public', href.slice(1))) ? readFileSync(resolve(ROOT, '.output/public', href.slice(1))).byteLength : 0)
  const js = linked.sort((a, b) => size(b) - size(a))[0]
  const asset = js ? await fetch(base + js, { headers: { 'accept-encoding': 'br, gzip' } }) : undefined
  const enc = (r?: Response) => r?.headers.get('content-encoding') ?? 'none'
  rows.push(['Content-Encoding: page / API JSON / JS asset', `${enc(html)} / ${enc(api)} / ${enc(asset)}`, 'none / none / none', 'br or gzip on all three'])

  // Entry CSS: the stylesheets the server-rendered page links before any script runs.
  const cssLinks = [...htmlText.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"|<link[^>]+href="([^"]+\.css)"[^>]+rel="stylesheet"/g)].map(m => m[1] ?? m[2]!)
  let cssRaw = 0
  let cssBr = 0
  for (const href of new Set(cssLinks)) {
    const file = resolve(ROOT, '.output/public', href.replace(/^\//, ''))
    if (!existsSync(file)) continue
    const buf = readFileSync(file)
    cssRaw += buf.byteLength
    cssBr += brotliCompressSync(buf).byteLength
  }
  rows.push(['CSS linked by /login, raw / brotli', `${kb(cssRaw)} / ${kb(cssBr)}`, '582 KB / 64 KB', 'only used icons and Vuetify styles'])

  // First loads in a fresh browser context: everything the page pulls, as it came over the wire.
  const context = await browser.newContext({ viewport: { width: 1350, height: 940 } })
  const page = await context.newPage()
  const login = await firstLoad(page, base + '/login')
  rows.push(['first load /login: JS+CSS on the wire (fonts)', `${kb(login.js + login.css)} (${kb(login.font)})`, '988 KB (394 KB font)', '≤ 250 KB'])
  await page.getByTestId('login-email').locator('input').fill(ADMIN.email)
  await page.getByTestId('login-password').locator('input').fill(ADMIN.password)
  await page.getByTestId('login-submit').click()
  await page.waitForURL(u => !u.pathname.startsWith('/login'))
  // A first load of /servers: a signed-in browser with an empty cache (the cookie is kept).
  const fresh = await browser.newContext({ viewport: { width: 1350, height: 940 }, storageState: await context.storageState() })
  await page.close()
  const page2 = await fresh.newPage()
  const servers = await firstLoad(page2, `${base}/servers`)
  rows.push(['first load /servers: JS+CSS on the wire (fonts)', `${kb(servers.js + servers.css)} (${kb(servers.font)})`, '1,294 KB (394 KB font)', '≤ 250 KB'])

  for (const path of ['/servers', '/billing']) rows.push([`CLS ${path} (Chromium, load + 3 s)`, (await cls(fresh, base + path)).toFixed(3), path === '/servers' ? '0.285' : '0.237', '≤ 0.05'])
  // What the page costs the browser's main thread, in CPU time: unlike Lighthouse's wall-clock
  // timings, it hardly moves with the machine's load (on 2 shared cores, a task of 40 ms of CPU
  // took 400 ms and more of wall time, and Lighthouse counted it as blocking).
  for (const path of ['/servers', '/dns', '/billing']) {
    const { cpu, longest, over50 } = await mainThreadCpu(browser, fresh, base + path)
    rows.push([`main-thread CPU ${path}, first load (longest task; CPU over 50 ms)`, `${cpu} ms (${longest} ms; ${over50} ms)`, { '/servers': '550 ms', '/dns': '430 ms', '/billing': '580 ms' }[path]!, 'no task over 50 ms'])
  }
  await fresh.close()
  await context.close()

  if (process.env.BENCH_LIGHTHOUSE !== '0') {
    // Signed in through a browser profile that holds the session cookie: a cookie passed as an
    // extra header was dropped as soon as the page set cookies of its own (language, theme), and
    // the signed-in pages were scored as the sign-in page they fell back to.
    const profile = mkdtempSync(join(tmpdir(), 'lh-profile-'))
    const signedIn = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
    const [name, ...value] = cookie.split('=')
    await signedIn.addCookies([{ name: name!, value: value.join('='), url: base, expires: Math.floor(Date.now() / 1000) + 3600 }])
    await signedIn.close()
    try {
      // Lighthouse's timings are wall clock: one run swings by 5–10 points on a 2-core machine
      // (and now and then fails to record its trace, NO_NAVSTART). Each page runs RUNS times;
      // the row gives the median run, the range, and what the median score is made of.
      const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3)
      for (const path of ['/login', '/servers', '/dns', '/billing']) {
        const runs: LighthouseRun[] = []
        let failure = ''
        for (let attempt = 0; runs.length < RUNS && attempt < RUNS + 2; attempt++) {
          await lighthouse(base + path, path === '/login' ? undefined : profile).then(r => runs.push(r), (e: { code?: unknown, stderr?: unknown }) => {
            failure = `exit ${String(e.code ?? '?')}`
            console.error(`lighthouse ${path}: ${String(e.stderr ?? '').trim().split('\n').slice(-3).join(' / ')}`)
          })
        }
        runs.sort((a, b) => a.score - b.score)
        const median = runs[Math.floor(runs.length / 2)]
        const value = median ? `${median.score} (${runs.length} runs ${runs[0]!.score}–${runs.at(-1)!.score}; median: ${median.parts})` : `not run (${failure})`
        rows.push([`Lighthouse desktop performance ${path} (load ${loadavg()[0]!.toFixed(1)})`, value, { '/login': '90', '/servers': '57–65', '/dns': '55–75', '/billing': '73' }[path]!, '≥ 95'])
      }
    }
    finally { rmSync(profile, { recursive: true, force: true }) }
  }
}
finally {
  await browser.close()
  await app.stop()
  await sandbox.close()
}

const widths = [0, 1, 2, 3].map(i => Math.max(...rows.map(r => r[i].length), ['figure', 'value', 'baseline', 'goal'][i]!.length))
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')
console.log(`\nmachine load ${loadavg()[0]!.toFixed(1)} (1-minute average) at the end\n${line(['figure', 'value', 'baseline', 'goal'])}\n${widths.map(w => '-'.repeat(w)).join('-|-')}`)
for (const r of rows) console.log(line(r))

/**
 * Bytes a page load pulled, as encoded on the wire, by kind: the requests made until the load
 * event (the page's own chunks are preloaded by then). What NuxtLink prefetches for visible links
 * on idle afterwards is left out: it comes later and varies from run to run.
 */
async function firstLoad(page: Page, url: string) {
  const sizes = { js: 0, css: 0, font: 0 }
  const started = new Set<Request>()
  const onRequest = (req: Request) => { started.add(req) }
  page.on('request', onRequest)
  await page.goto(url, { waitUntil: 'load' })
  page.off('request', onRequest)
  await page.waitForLoadState('networkidle')
  for (const req of started) {
    const s = await req.sizes().catch(() => undefined)
    if (!s) continue
    const type = req.resourceType()
    if (process.env.BENCH_FILES === '1' && ['script', 'stylesheet'].includes(type)) console.log(`${url} ${type} ${s.responseBodySize} ${req.url()}`)
    if (type === 'script') sizes.js += s.responseBodySize
    else if (type === 'stylesheet') sizes.css += s.responseBodySize
    else if (type === 'font') sizes.font += s.responseBodySize
  }
  return sizes
}

/**
 * Main-thread CPU time of a first load (until the network is idle and 1 s more), from a Chrome
 * trace: the CPU time (tdur) of the renderer main thread's tasks, the longest of them, and the
 * sum of what tasks spent beyond 50 ms (Lighthouse's blocking time, counted in CPU time).
 */
async function mainThreadCpu(browser: Browser, signedIn: BrowserContext, url: string) {
  const context = await browser.newContext({ viewport: { width: 1350, height: 940 }, storageState: await signedIn.storageState() })
  const page = await context.newPage()
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] })
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.waitForTimeout(1000)
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents as { name: string, ph: string, pid: number, tid: number, ts: number, dur?: number, tdur?: number, args?: { name?: string } }[]
  await context.close()
  // Top-level tasks only: a task can run nested in another (RunTask inside RunTask).
  const tasks = (t: { pid: number, tid: number }) => {
    let end = -1
    return events.filter(e => e.pid === t.pid && e.tid === t.tid && e.ph === 'X' && e.name === 'RunTask').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
      .filter((e) => {
        if (e.ts < end) return false
        end = e.ts + (e.dur ?? 0)
        return true
      })
      .map(e => (e.tdur ?? 0) / 1000)
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  // The page's renderer: of the renderer main threads (about:blank had one too), the busiest.
  const main = events.filter(e => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(tasks).sort((a, b) => sum(b) - sum(a))[0] ?? []
  return { cpu: Math.round(sum(main)), longest: Math.round(Math.max(0, ...main)), over50: Math.round(sum(main.map(x => Math.max(0, x - 50)))) }
}

/** Cumulative layout shift of a page load, from the browser's own layout-shift entries. */
async function cls(context: BrowserContext, url: string) {
  const page = await context.newPage()
  await page.addInitScript(() => {
    (window as any).__cls = 0
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__cls += e.value
    }).observe({ type: 'layout-shift', buffered: true })
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  // Late shifts (data arriving, fonts) count too: read once the page has been idle a while.
  await page.waitForTimeout(3000)
  const value = await page.evaluate(() => (window as any).__cls as number)
  await page.close()
  return value
}

interface LighthouseRun { score: number, parts: string }

/** Lighthouse CLI (desktop preset) on Debian's Chromium; signed in when given a browser profile that is. */
async function lighthouse(url: string, profile?: string): Promise<LighthouseRun> {
  // Not a dependency of the app (100+ packages): installed where the bench runs, e.g.
  // `npm install --prefix /tmp/lh lighthouse@13` and LIGHTHOUSE_BIN=/tmp/lh/node_modules/.bin/lighthouse.
  const bin = process.env.LIGHTHOUSE_BIN ?? resolve(ROOT, 'node_modules/.bin/lighthouse')
  if (!existsSync(bin)) throw new Error('lighthouse is not installed (set LIGHTHOUSE_BIN)')
  const dir = mkdtempSync(join(tmpdir(), 'lh-'))
  try {
    const out = join(dir, 'report.json')
    await promisify(execFile)(bin, [url, '--preset=desktop', '--only-categories=performance', '--output=json', `--output-path=${out}`, '--quiet',
      `--chrome-flags=--headless=new --no-sandbox --disable-gpu${profile ? ` --user-data-dir=${profile}` : ''}`, '--disable-storage-reset'], { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 180_000 })
    const report = JSON.parse(readFileSync(out, 'utf8'))
    // BENCH_LIGHTHOUSE_DIR keeps each page's report, to read what the score is made of.
    if (process.env.BENCH_LIGHTHOUSE_DIR) copyFileSync(out, join(process.env.BENCH_LIGHTHOUSE_DIR, `${new URL(url).pathname.replace(/\W+/g, '_') || 'root'}.json`))
    const score = Math.round(report.categories.performance.score * 100)
    // What the score is made of, to see what costs: its timings, and what took the main thread.
    const a = report.audits
    const ms = (id: string) => `${Math.round(a[id]?.numericValue ?? NaN)}`
    const parts = `FCP ${ms('first-contentful-paint')} LCP ${ms('largest-contentful-paint')} TBT ${ms('total-blocking-time')} SI ${ms('speed-index')} ms, CLS ${(a['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)}, main thread ${ms('mainthread-work-breakdown')} ms`
    // A lost session would score the sign-in page instead: say so.
    const landed = new URL(report.finalDisplayedUrl ?? url).pathname
    return { score, parts: `${parts}${landed === new URL(url).pathname ? '' : `; landed on ${landed}`}` }
  }
  finally { rmSync(dir, { recursive: true, force: true }) }
}
