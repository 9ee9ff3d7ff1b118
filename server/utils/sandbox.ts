/**
 * The demo sandbox: SANDBOX_URL points at one already running (tests, `npm run sandbox`);
 * otherwise, under `npm run dev` and unless NUXT_SANDBOX=0, the app starts the simulators
 * in-process on first use. A production build never contains the simulators (the in-process
 * start is dev-only code, dropped from the bundle): there, NUXT_SANDBOX=1 without SANDBOX_URL
 * offers the sandbox but answers 503 `sandbox_unavailable` saying to set SANDBOX_URL.
 */
import { env } from '#server/lib/config'
import { httpError } from '#server/lib/http-errors'

let started: Promise<string> | undefined

export function sandboxEnabled(): boolean {
  const { SANDBOX_URL, NUXT_SANDBOX } = env()
  if (SANDBOX_URL) return true
  if (NUXT_SANDBOX === '0') return false
  return import.meta.dev || NUXT_SANDBOX === '1'
}

export function sandboxOrigin(): Promise<string> {
  const { SANDBOX_URL, SANDBOX_PORT } = env()
  if (SANDBOX_URL) return Promise.resolve(SANDBOX_URL.replace(/\/+$/, ''))
  if (import.meta.dev) {
    started ??= import('../../sandbox/server').then(async ({ startSandbox }) => {
      const sb = await startSandbox({ port: SANDBOX_PORT })
      console.info(`[sandbox] simulated providers on ${sb.url}`)
      return sb.url
    })
    return started
  }
  return Promise.reject(httpError(503, 'This build has no built-in sandbox: start one (npm run sandbox) and set SANDBOX_URL to its address', 'sandbox_unavailable'))
}
