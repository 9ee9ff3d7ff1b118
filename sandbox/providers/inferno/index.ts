// Placeholder until the inferno simulator lands.
import { Router } from '../../core/router'
import type { SimulatorFactory } from '../../core/simulator'

export const createInfernoSim: SimulatorFactory = () => ({
  name: 'inferno',
  prefix: '/inferno/api_client.php',
  router: new Router(),
  authorize: () => null,
  notFound: () => ({ status: 404, json: { message: 'Not found' } }),
  reset() {},
  state: {},
})
