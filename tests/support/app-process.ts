/**
 * Starts the built app (.output) as a child process against a database and the sandbox, and
 * waits until /api/health answers. Shared by the server tests, e2e and the benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'

export const ROOT = resolve(import.meta.dirname, '../..')

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => res(port))
    })
    s.on('error', rej)
  })
}

/** Empties a PostgreSQL database so migrations start from nothing. */
export async function resetPostgres(url: string) {
  const pg = (await import('pg')).default
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('drop schema if exists public cascade; create schema public; drop schema if exists drizzle cascade; drop schema if exists pgboss cascade;')
  }
  finally { await client.end() }
}

export interface AppProcess {
  url: string
  port: number
  logFile: string
  env: Record<string, string>
  child: ChildProcess
  stop(): Promise<void>
}

export interface StartAppOptions {
  sandboxUrl?: string
  databaseUrl?: string
  pgliteDir?: string
  /** Keep an existing PGlite folder (restart on the same data). */
  keepData?: boolean
  logFile: string
  env?: Record<string, string>
  port?: number
  /** The working directory of the app (default: this one); the build must not depend on it. */
  cwd?: string
}

export const TEST_CREDENTIALS_KEY = randomBytes(32).toString('base64')
export const TEST_SESSION_PASSWORD = randomBytes(32).toString('hex')

export async function startApp(opts: StartAppOptions): Promise<AppProcess> {
  const entry = resolve(ROOT, '.output/server/index.mjs')
  if (!existsSync(entry)) throw new Error('No build found at .output: run `npm run build` first (npm test does it for you)')
  const port = opts.port ?? await freePort()
  const env: Record<string, string> = {
    ...process.env as Record<string, string>,
    PORT: String(port),
    HOST: '127.0.0.1',
    NUXT_CREDENTIALS_KEY: process.env.NUXT_CREDENTIALS_KEY || TEST_CREDENTIALS_KEY,
    NUXT_SESSION_PASSWORD: process.env.NUXT_SESSION_PASSWORD || TEST_SESSION_PASSWORD,
    ...opts.env,
  }
  delete env.DATABASE_URL
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl
  else {
    const dir = opts.pgliteDir ?? resolve(ROOT, '.data/test-pglite')
    if (!opts.keepData) rmSync(dir, { recursive: true, force: true })
    mkdirSync(dirname(dir), { recursive: true })
    env.PGLITE_DIR = dir
  }
  if (opts.sandboxUrl) env.SANDBOX_URL = opts.sandboxUrl
  mkdirSync(dirname(opts.logFile), { recursive: true })
  const log = createWriteStream(opts.logFile, { flags: 'a' })
  // As deployed (README, `npm start`): V8's young generation capped (issue 13, app RSS).
  const child = spawn(process.execPath, ['--max-semi-space-size=16', entry], { env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.pipe(log)
  child.stderr!.pipe(log)
  const url = `http://127.0.0.1:${port}`
  let exited: number | null = null
  child.on('exit', (code) => { exited = code ?? -1 })

  const deadline = Date.now() + 90_000
  for (;;) {
    if (exited !== null) throw new Error(`the app exited with code ${exited} during start-up; see ${opts.logFile}`)
    try {
      const r = await fetch(`${url}/api/health`)
      if (r.ok) break
    }
    catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the app did not become healthy within 90 s; see ${opts.logFile}`)
    }
    await new Promise(r => setTimeout(r, 300))
  }

  return {
    url, port, logFile: opts.logFile, env, child,
    async stop() {
      if (exited !== null) return
      await new Promise<void>((res) => {
        child.once('exit', () => res())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5000)
      })
      log.end()
    },
  }
}

/** A port nothing listens on (fetch refuses well-known ports such as 9, so pick a free one). */
export function closedPort(): Promise<number> {
  return freePort()
}

/** First-run setup on a fresh app of its own: the admin's session cookie (`name=value`). */
export async function setupFirstAdmin(appUrl: string): Promise<string> {
  const setup = await fetch(`${appUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: 'correct-horse-battery', name: 'Ada Admin' }),
  })
  if (setup.status !== 201) throw new Error(`setup failed: ${setup.status} ${await setup.text()}`)
  return setup.headers.getSetCookie()[0]!.split(';')[0]!
}
