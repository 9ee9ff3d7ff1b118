/**
 * Simulated Hostinger public API (developers.hostinger.com), mounted at `/hostinger`: paths keep
 * their full `/api/...` form. This file wires the VPS, SSH key, billing, DNS and domain route groups; each
 * group registers itself on the shared router.
 */
import { Router } from '../../core/router'
import type { SimulatorDefinition, SimulatorFactory } from '../../core/simulator'
import { SANDBOX_ACCOUNT } from './account'
import { fail, unauthenticated } from './respond'
import { registerBillingRoutes } from './routes-billing'
import { registerCatalogRoutes } from './routes-catalog'
import { registerFirewallRoutes } from './routes-firewall'
import { registerKeyRoutes } from './routes-keys'
import { registerOpsRoutes } from './routes-ops'
import { registerVmRoutes } from './routes-vms'
import { HostingerState } from './state'
import { createDnsState, registerDnsRoutes, resetDnsState } from './dns'
import { createDomainState, domainCatalogItems, registerDomainRoutes, resetDomainState } from './domains'

export const createHostingerSim: SimulatorFactory = (opts) => {
  const state = new HostingerState(opts)
  const router = new Router()
  registerCatalogRoutes(router, state)
  registerVmRoutes(router, state)
  registerOpsRoutes(router, state)
  registerKeyRoutes(router, state)
  registerFirewallRoutes(router, state)
  const dns = createDnsState()
  const domains = createDomainState()
  registerBillingRoutes(router, state, () => domainCatalogItems(domains))
  registerDnsRoutes(router, dns, opts)
  // A purchased domain gets a default zone.
  registerDomainRoutes(router, domains, opts, dns)

  return {
    name: 'hostinger',
    prefix: '/hostinger',
    router,
    authorize(req) {
      // Laravel resolves the route before its auth middleware runs: an unknown path is a 404
      // (and a wrong method a 405) even without a token.
      const m = router.match(req.method, req.path)
      if (m === null || m === 'method') return null
      return req.headers.authorization === `Bearer ${SANDBOX_ACCOUNT.api_key}` ? null : unauthenticated()
    },
    // The catalog's `metadata` is documented only as "category-specific" key-value pairs: its
    // keys (cpus, memory, disk_space, tld …) are ours, so strict mode drops or renames them.
    undocumented: req => (req.path === '/api/billing/v1/catalog' ? ['*.metadata.*'] : []),
    // Laravel's wording for an unknown route.
    notFound: req => fail(404, `The route ${req.path.replace(/^\//, '')} could not be found.`),
    reset() {
      state.reset()
      resetDnsState(dns)
      resetDomainState(domains)
    },
    // One object for tests: the VPS state with the DNS and domain states beside it.
    state: Object.assign(state, { dns, domains }),
  }
}

/** This simulator for the sandbox's registry (sandbox/providers/registry.ts). */
export const hostinger: SimulatorDefinition = { create: createHostingerSim, account: SANDBOX_ACCOUNT }
