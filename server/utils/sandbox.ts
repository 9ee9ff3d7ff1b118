/**
 * The demo sandbox: SANDBOX_URL points at one already running (tests, `npm run sandbox`);
 * otherwise, unless NUXT_SANDBOX=0, the app starts the simulators in-process on first use.
 * Production builds only do so with NUXT_SANDBOX=1.
 */
import { env } from '../lib/config'

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
  started ??= import('../../sandbox/server').then(async ({ startSandbox }) => {
    const sb = await startSandbox({ port: SANDBOX_PORT })
    console.info(`[sandbox] simulated providers on ${sb.url}`)
    return sb.url
  })
  return started
}
