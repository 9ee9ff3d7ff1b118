// Placeholder until the virtua simulator lands.
import { Router } from '../../core/router'
import type { SimulatorFactory } from '../../core/simulator'

export const createVirtuaSim: SimulatorFactory = () => ({
  name: 'virtua',
  prefix: '/virtua',
  router: new Router(),
  authorize: () => null,
  notFound: () => ({ status: 404, json: { message: 'Not found' } }),
  reset() {},
  state: {},
})
