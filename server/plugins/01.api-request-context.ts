/**
 * Performance (issue 13): an /api request skips per-request set-up that only rendered pages use.
 * Measured with --cpu-prof on GET /api/auth/me:
 *
 * - The runtime config. `useRuntimeConfig(event)` deep-copies the whole config and re-reads the
 *   environment into the copy, once per request that asks; @nuxtjs/i18n asks on every request
 *   (its request hook sets up a locale context even for JSON): about 40% of the route's CPU. An
 *   /api request is given the shared config instead, the one `useRuntimeConfig()` returns
 *   everywhere else (frozen: a write would throw, not leak into other requests). Pages keep
 *   their own copy, as Nuxt's renderer hands it to the app.
 * - nuxt-security's rules. It resolves them per request by cloning all its options and building a
 *   router, and makes a CSP nonce. API answers carry the fixed CSP from the `/api/**` route rule
 *   (`default-src 'none'`), never a nonce, and their headers come from Nitro's route rules, not
 *   from these rules. So the rules nuxt-security resolved for the first request on a set of
 *   matching patterns are kept (frozen, nonce off) and given to later requests on the same set.
 *   A path that a pattern with parameters or inner wildcards could match is left to nuxt-security.
 *   The same goes for its route name (the rate limiter, off here, asks for it on every request
 *   before looking whether it is on: another router built per request).
 * - @nuxtjs/i18n's locale context. Its `request` hook sets one up for every request (reads the
 *   host, merges its options): the page renderer uses it, an /api answer never does (server
 *   messages are translated by server/i18n from the request's own language), and the renderer
 *   sets one up itself when none was (`tryUseI18nContext(event) || initializeI18nContext(event)`).
 *   /api requests skip that hook.
 */
import type { H3Event } from 'h3'
import { securityPatternKey } from '../lib/security-patterns'

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

interface SecurityContext { rules?: Record<string, unknown>, route?: string, nonce?: string }

type RequestHook = (event: H3Event) => unknown

export default defineNitroPlugin((nitroApp) => {
  const sharedConfig = useRuntimeConfig()
  let patterns: string[] | undefined
  nitroApp.hooks.hook('nuxt-security:routeRules', (routes: Record<string, unknown>) => {
    patterns = Object.keys(routes)
  })
  const rulesByKey = new Map<string, { rules: Record<string, unknown>, route?: string }>()
  const keyOf = (event: H3Event) => (patterns ? securityPatternKey(patterns, event.path.split('?')[0]!) : undefined)

  // i18n's request hook, left out for /api requests (see above). Its plugin registers it after an
  // await (later than this plugin runs), so it is looked for as requests come, before the hook
  // list is read; found by what it calls. A newer @nuxtjs/i18n that renames it keeps running for
  // every request, as before (the search stops after a few requests).
  const hooks = (nitroApp.hooks as unknown as { _hooks: Record<string, RequestHook[] | undefined> })._hooks
  let searchesLeft = 20
  function skipI18nForApi() {
    searchesLeft--
    const list = hooks.request ?? []
    for (const [i, hook] of list.entries()) {
      if (!String(hook).includes('initializeI18nContext(')) continue
      list[i] = (event: H3Event) => (event.path?.startsWith('/api/') ? undefined : hook(event))
      searchesLeft = 0
    }
  }

  // Before every handler of the `request` hook: i18n's and nuxt-security's are registered by
  // plugins that run before or after this one.
  nitroApp.hooks.beforeEach(({ name, args }) => {
    if (name !== 'request') return
    if (searchesLeft > 0) skipI18nForApi()
    // The event is the last argument (this hookable version puts the hook's name first).
    const event = args.at(-1) as H3Event | undefined
    if (!event?.path?.startsWith('/api/')) return
    event.context.nitro ??= { errors: [] }
    event.context.nitro.runtimeConfig ??= sharedConfig
    const key = keyOf(event)
    const known = key === undefined ? undefined : rulesByKey.get(key)
    if (known && !event.context.security) event.context.security = { ...known } satisfies SecurityContext
  })
  nitroApp.hooks.hook('afterResponse', (event: H3Event) => {
    if (!event.path.startsWith('/api/')) return
    const { rules, route } = (event.context.security as SecurityContext | undefined) ?? {}
    const key = keyOf(event)
    if (!rules || key === undefined || rulesByKey.has(key)) return
    rulesByKey.set(key, { rules: deepFreeze({ ...structuredClone(rules), nonce: false }), route })
  })
})
