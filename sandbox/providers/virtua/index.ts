/**
 * Virtua.cloud simulator, mounted at `/virtua` (the API itself has no `/v1` prefix any more).
 * Auth is only `Authorization: Basic <API key>`: the raw key, not base64 of user:password, exactly
 * as seed 001's curl examples send it (that seed wins over the stale spec's X-API-Key and the
 * newer README's Bearer, see specs/README). Bodies are form data only (responses.ts `fields`).
 */
import { Router } from '../../core/router'
import type { SimulatorDefinition, SimulatorFactory } from '../../core/simulator'
import { SANDBOX_ACCOUNT } from './account'
import { fail } from './responses'
import { accountRoutes } from './routes-account'
import { serverRoutes } from './routes-servers'
import { VirtuaState } from './state'

export const createVirtuaSim: SimulatorFactory = (opts) => {
  const state = new VirtuaState(opts)
  const router = new Router()
  accountRoutes(router, state)
  serverRoutes(router, state)

  return {
    name: 'virtua',
    prefix: '/virtua',
    router,
    authorize(req) {
      const header = req.headers.authorization
      const value = Array.isArray(header) ? header[0] : header
      const m = value?.match(/^(Basic)\s+(.+)$/)
      if (!m) return fail(401, 'unauthorized', 'Missing API key: send "Authorization: Basic <API key>".')
      if (m[2]!.trim() !== SANDBOX_ACCOUNT.api_key) return fail(403, 'forbidden', 'Invalid API key.')
      return null
    },
    notFound: req => fail(404, 'not_found', `Unknown endpoint ${req.method} ${req.path}.`),
    reset: () => state.reset(),
    state,
  }
}

/** This simulator for the sandbox's registry (sandbox/providers/registry.ts). */
export const virtua: SimulatorDefinition = { create: createVirtuaSim, account: SANDBOX_ACCOUNT }
