/**
 * Inferno (cp.inferno.name) simulator: one PHP endpoint, `api_client.php?action=<action>`,
 * answering GET or POST alike (the real one takes parameters from GET, POST or JSON) with
 * HTTP 200 and `result: success|fail`.
 */
import { Router, type SimRequest } from '../../core/router'
import type { SimulatorDefinition, SimulatorFactory } from '../../core/simulator'
import { SANDBOX_ACCOUNT } from './account'
import * as billing from './actions-billing'
import * as vps from './actions-vps'
import * as keys from './actions-sshkeys'
import { checkAuth, fail, paramsOf } from './protocol'
import { seedState, settle, type InfernoState } from './state'

const ACTIONS: Record<string, billing.Action> = {
  'list': billing.list,
  'balance': billing.balance,
  'create': billing.create,
  'orders': billing.orders,
  'cancel': billing.cancel,
  'services': billing.services,
  'getService': billing.getService,
  'install': vps.install,
  'reinstall': vps.reinstall,
  'getinfo': vps.getinfo,
  'boot': vps.boot,
  'stop': vps.stop,
  'reboot': vps.reboot,
  'sshkey.add': keys.sshkeyAdd,
  'sshkey.list': keys.sshkeyList,
  'sshkey.remove': keys.sshkeyRemove,
}

/**
 * Answer fields that neither the provider's doc (seed 003) nor a public client shows
 * (specs/inferno/NOTES.md): strict mode drops or renames them.
 */
const UNDOCUMENTED: Record<string, string[]> = {
  // Only `pid` of a product is known; names, prices and resources are guesses.
  'list': ['products.*.name', 'products.*.price', 'products.*.billingcycle', 'products.*.cpu', 'products.*.ram', 'products.*.disk'],
  // "Получить доступный баланс": no field named.
  'balance': ['balance'],
  // Only `id` and `name` of a key are read by the one public client.
  'sshkey.list': ['list.*.sshkey'],
  // Shapes unknown.
  'services': ['services'],
  'getService': ['service'],
}

export const createInfernoSim: SimulatorFactory = (opts) => {
  const holder: { state: InfernoState } = { state: seedState() }

  const dispatch = (req: SimRequest) => {
    const p = paramsOf(req)
    const action = ACTIONS[p.action ?? '']
    if (!action) return fail(`Unknown action: ${p.action ?? ''}`)
    const now = Date.now()
    settle(holder.state, now)
    return action({ state: holder.state, p, now, transitionMs: opts.transitionMs })
  }

  return {
    name: 'inferno',
    prefix: '/inferno/api_client.php',
    router: new Router().get('/', dispatch).post('/', dispatch),
    authorize: req => checkAuth(holder.state, req),
    // Anything below the script is not the API: the web server's own 404 page.
    notFound: () => ({ status: 404, text: '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>', contentType: 'text/html' }),
    reset() {
      // Ids are never handed out twice, not even across a reset (as no real billing would).
      const used = holder.state.next
      holder.state = seedState()
      for (const k of Object.keys(used) as (keyof typeof used)[]) holder.state.next[k] = Math.max(used[k], holder.state.next[k])
    },
    undocumented: req => UNDOCUMENTED[paramsOf(req).action ?? ''] ?? [],
    get state() { return holder.state },
  }
}

/** This simulator for the sandbox's registry (sandbox/providers/registry.ts). */
export const inferno: SimulatorDefinition = { create: createInfernoSim, account: SANDBOX_ACCOUNT }
