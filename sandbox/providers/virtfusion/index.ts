/**
 * VirtFusion V6 simulator (admin "Global API"): Bearer token, paths below `/api/v1` without any
 * version segment of their own, `{"errors":[…]}` refusals and the plain-text "401 Unauthorized".
 */
import { Router } from '../../core/router'
import type { SimulatorDefinition, SimulatorFactory } from '../../core/simulator'
import { SANDBOX_ACCOUNT } from './account'
import { errors, UNAUTHORIZED } from './respond'
import { randomBytes } from 'node:crypto'
import { VncDisplays } from '../../vnc/display'
import { registerCatalogRoutes } from './routes-catalog'
import { registerConsoleRoutes, tokenPage, vncUpgrade } from './routes-console'
import { registerFirewallRoutes } from './routes-firewall'
import { registerNetworkRoutes } from './routes-network'
import { registerOpsRoutes } from './routes-ops'
import { registerPowerRoutes } from './routes-power'
import { registerServerRoutes } from './routes-servers'
import { registerUserRoutes } from './routes-users'
import { VirtfusionState } from './state'

export { VirtfusionState } from './state'

const PREFIX = '/virtfusion/api/v1'
/** The panel's own pages (and its VNC websocket) live above the API. */
const PANEL_ROOT = '/virtfusion'

export const createVirtfusionSim: SimulatorFactory = (opts) => {
  const state = new VirtfusionState(opts)
  const router = new Router()
  registerCatalogRoutes(router, state, PREFIX)
  registerServerRoutes(router, state, PREFIX)
  registerPowerRoutes(router, state)
  registerUserRoutes(router, state)
  // One VNC password per sandbox: every server's console is the same real display.
  const vncPassword = randomBytes(6).toString('base64url').slice(0, 8)
  registerConsoleRoutes(router, state, vncPassword)
  registerFirewallRoutes(router, state)
  const displays = new VncDisplays()
  registerOpsRoutes(router, state)
  registerNetworkRoutes(router, state)
  return {
    name: 'virtfusion',
    prefix: PREFIX,
    router,
    authorize(req) {
      const header = req.headers.authorization
      return header === `Bearer ${SANDBOX_ACCOUNT.api_key}` ? null : UNAUTHORIZED
    },
    notFound: () => errors(404, 'The requested resource could not be found.'),
    reset() { state.reset() },
    state,
    upgrade: vncUpgrade(state, displays, vncPassword, PANEL_ROOT),
    page: tokenPage(state, PANEL_ROOT),
    close() { displays.stop() },
  }
}

/** This simulator for the sandbox's registry (sandbox/providers/registry.ts). */
export const virtfusion: SimulatorDefinition = { create: createVirtfusionSim, account: SANDBOX_ACCOUNT }
