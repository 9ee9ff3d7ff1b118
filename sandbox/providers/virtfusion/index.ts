// Placeholder until the virtfusion simulator lands.
import { Router } from '../../core/router'
import type { SimulatorFactory } from '../../core/simulator'

export const createVirtfusionSim: SimulatorFactory = () => ({
  name: 'virtfusion',
  prefix: '/virtfusion/api/v1',
  router: new Router(),
  authorize: () => null,
  notFound: () => ({ status: 404, json: { message: 'Not found' } }),
  reset() {},
  state: {},
})
