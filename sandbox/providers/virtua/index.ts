/**
 * Virtua.cloud simulator, mounted at `/virtua` (the API itself has no `/v1` prefix any more).
 * Auth is `Authorization: Basic <API key>`: the raw key, not base64 of user:password, as in the
 * reference's curl examples. The current API also takes `Bearer <key>`, so that is accepted too.
 */
import { Router } from '../../core/router'
import type { SimulatorFactory } from '../../core/simulator'
import { SANDBOX_CREDENTIALS } from '../../credentials'
import { fail } from './responses'
import { accountRoutes } from './routes-account'
import { serverRoutes } from './routes-servers'
import { VirtuaState } from './state'

export const createVirtuaSim: SimulatorFactory = (opts) => {
  const state = new VirtuaState(opts.transitionMs)
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
      const m = value?.match(/^(Basic|Bearer)\s+(.+)$/i)
      if (!m) return fail(401, 'unauthorized', 'Missing API key: send "Authorization: Basic <API key>".')
      if (m[2]!.trim() !== SANDBOX_CREDENTIALS.virtua.api_key) return fail(403, 'forbidden', 'Invalid API key.')
      return null
    },
    notFound: req => fail(404, 'not_found', `Unknown endpoint ${req.method} ${req.path}.`),
    reset: () => state.reset(),
    state,
  }
}
