/**
 * An operator's first steps without the browser: `npm run user:create` as the README shows it,
 * then the app behind a TLS-terminating proxy (TRUST_PROXY=1). Its own app on its own PGlite
 * folder: the script must have the database to itself (PGlite is one process at a time).
 */
import { execFile } from 'node:child_process'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, startApp, type AppProcess } from '../support/app-process'

const DIR = resolve(ROOT, '.data/test-pglite-operator')
const LOG = resolve(ROOT, '.data/test-app-operator.log')
const OPERATOR = { email: 'admin@example.com', name: 'Olga Operator', password: 'olga-password-123' }
let app: AppProcess

/** `npm run user:create -- …`, as the README writes it, on this suite's database. */
async function userCreate(args: string[]) {
  const env: Record<string, string> = { ...process.env as Record<string, string>, PGLITE_DIR: DIR }
  delete env.DATABASE_URL
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '-s', 'user:create', '--', ...args], { cwd: ROOT, env, timeout: 120_000 })
    return { code: 0, out: stdout + stderr }
  }
  catch (e) {
    const err = e as { code: number, stdout: string, stderr: string }
    return { code: err.code, out: err.stdout + err.stderr }
  }
}

const login = (headers: Record<string, string> = {}) => fetch(`${app.url}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ email: OPERATOR.email, password: OPERATOR.password }),
})
const sessionCookie = (res: Response) => res.headers.getSetCookie().find(c => c.startsWith('nuxt-session='))

describe('npm run user:create', () => {
  it('creates the first admin headless with the README\'s example, and explains bad input', async () => {
    rmSync(DIR, { recursive: true, force: true })
    const bad = await userCreate(['--email', 'not-an-email', '--name', 'Ann', '--password', 'secret-12345'])
    expect(bad.code).toBe(2)
    expect(bad.out).toMatch(/usage: npm run user:create -- --email admin@example\.com/)
    expect(bad.out).toMatch(/email: Invalid email address/)

    const made = await userCreate(['--email', OPERATOR.email, '--name', OPERATOR.name, '--password', OPERATOR.password])
    expect(made.out).toMatch(/created admin admin@example\.com/)
    expect(made.code).toBe(0)

    const again = await userCreate(['--email', OPERATOR.email, '--name', OPERATOR.name, '--password', OPERATOR.password])
    expect(again.code).toBe(1)
    expect(again.out).toMatch(/already exists/)
  })
})

describe('behind a TLS proxy (TRUST_PROXY=1)', () => {
  beforeAll(async () => {
    app = await startApp({ pgliteDir: DIR, keepData: true, logFile: LOG, env: { TRUST_PROXY: '1', JOBS_DISABLED: '1' } })
  })
  afterAll(async () => { await app?.stop() })

  it('the admin made by the script signs in; no setup page is offered', async () => {
    expect((await (await fetch(`${app.url}/api/setup/status`)).json()).needs_setup).toBe(false)
    const res = await login({ 'x-forwarded-proto': 'https' })
    expect(res.status).toBe(200)
    expect((await res.json()).user).toMatchObject({ email: OPERATOR.email, role: 'admin' })
  })

  it('the session cookie is Secure when the proxy says the browser used HTTPS, and only then', async () => {
    expect(sessionCookie(await login({ 'x-forwarded-proto': 'https' }))).toMatch(/;\s*Secure/i)
    expect(sessionCookie(await login({ 'x-forwarded-proto': 'https,http' }))).toMatch(/;\s*Secure/i)
    expect(sessionCookie(await login({ 'x-forwarded-proto': 'http' }))).not.toMatch(/;\s*Secure/i)
    expect(sessionCookie(await login())).not.toMatch(/;\s*Secure/i)
  })
})
