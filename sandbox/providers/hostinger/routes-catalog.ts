/** /api/vps/v1/data-centers and /api/vps/v1/templates: what a VM can be set up with. */
import type { Router } from '../../core/router'
import { fail, ok } from './respond'
import type { HostingerState } from './state'

export function registerCatalogRoutes(router: Router, state: HostingerState) {
  router.get('/api/vps/v1/data-centers', () => ok(state.dataCenters))
  router.get('/api/vps/v1/templates', () => ok(state.templates))
  router.get('/api/vps/v1/templates/:id', (req) => {
    const t = state.templates.find(x => String(x.id) === req.params.id)
    return t ? ok(t) : fail(404, 'Template not found')
  })
}
