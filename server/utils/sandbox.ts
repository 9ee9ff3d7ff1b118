/**
 * The demo sandbox: SANDBOX_URL points at one already running (tests, `npm run sandbox`);
 * otherwise, unless NUXT_SANDBOX=0, the app starts the simulators in-process on first use.
 * Production builds only do so with NUXT_SANDBOX=1.
 */
let started: Promise<string> | undefined

export function sandboxEnabled(): boolean {
  if (process.env.SANDBOX_URL) return true
  if (process.env.NUXT_SANDBOX === '0') return false
  return import.meta.dev || process.env.NUXT_SANDBOX === '1'
}

export function sandboxOrigin(): Promise<string> {
  if (process.env.SANDBOX_URL) return Promise.resolve(process.env.SANDBOX_URL.replace(/\/+$/, ''))
  started ??= import('../../sandbox/server').then(async ({ startSandbox }) => {
    const sb = await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 0) })
    console.info(`[sandbox] simulated providers on ${sb.url}`)
    return sb.url
  })
  return started
}
