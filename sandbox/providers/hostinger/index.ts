// Placeholder until the hostinger simulator lands (DNS and domain routes mounted for their tests).
import { Router, type SimRequest } from '../../core/router'
import type { SimulatorFactory } from '../../core/simulator'
import { SANDBOX_CREDENTIALS } from '../../credentials'
import { unauthenticated } from './dns-http'
import { createDnsState, registerDnsRoutes, resetDnsState } from './dns'
import { createDomainState, registerDomainCatalogRoute, registerDomainRoutes, resetDomainState } from './domains'

export const createHostingerSim: SimulatorFactory = (opts) => {
  const router = new Router()
  const dns = createDnsState()
  const domains = createDomainState()
  registerDnsRoutes(router, dns, opts)
  registerDomainRoutes(router, domains, opts, dns)
  registerDomainCatalogRoute(router, domains)
  return {
    name: 'hostinger',
    prefix: '/hostinger',
    router,
    // Laravel runs auth on matched routes only: an unknown path is a 404 even without a token.
    authorize: (req: SimRequest) =>
      router.match(req.method, req.path) === null || req.headers.authorization === `Bearer ${SANDBOX_CREDENTIALS.hostinger.api_key}`
        ? null
        : unauthenticated(),
    notFound: () => ({ status: 404, json: { message: 'Not found' } }),
    reset() { resetDnsState(dns); resetDomainState(domains) },
    state: { dns, domains },
  }
}
