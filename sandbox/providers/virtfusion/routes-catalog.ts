/** Connection test, hypervisor groups, packages and the OS templates a package may install. */
import type { Router } from '../../core/router'
import { isResponse, notFound, paginate, pathId } from './respond'
import { SIM_VERSION, type VirtfusionState } from './state'
import { packageView, templateGroupsView } from './views'

export function registerCatalogRoutes(router: Router, st: VirtfusionState, prefix: string) {
  // The spec's example body is `[]`; a live panel names its version, which the sandbox does too.
  router.get('/connect', () => ({ json: { data: { version: SIM_VERSION } } }))

  router.get('/compute/hypervisors/groups', req => paginate(req, prefix, st.groups))

  router.get('/compute/hypervisors/groups/:groupId', (req) => {
    const id = pathId(req, 'groupId')
    if (isResponse(id)) return id
    const g = st.groups.find(x => x.id === id)
    return g ? { json: { data: g } } : notFound('hypervisor group')
  })

  router.get('/packages', () => ({ json: { data: st.packages.map(packageView) } }))

  router.get('/packages/:packageId', (req) => {
    const id = pathId(req, 'packageId')
    if (isResponse(id)) return id
    const p = st.packages.find(x => x.id === id)
    return p ? { json: { data: packageView(p) } } : notFound('package')
  })

  router.get('/media/templates/fromServerPackageSpec/:packageId', (req) => {
    const id = pathId(req, 'packageId')
    if (isResponse(id)) return id
    const p = st.packages.find(x => x.id === id)
    return p ? { json: { data: templateGroupsView(p.templateIds) } } : notFound('package')
  })
}
