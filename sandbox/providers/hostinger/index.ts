// Placeholder until the hostinger simulator lands.
import { Router } from '../../core/router'
import type { SimulatorFactory } from '../../core/simulator'

export const createHostingerSim: SimulatorFactory = () => ({
  name: 'hostinger',
  prefix: '/hostinger',
  router: new Router(),
  authorize: () => null,
  notFound: () => ({ status: 404, json: { message: 'Not found' } }),
  reset() {},
  state: {},
})
