/** Account, limits, projects and the cloud catalog (offers, systems). */
import type { Router } from '../../core/router'
import { ok } from './responses'
import type { VirtuaState } from './state'

export function accountRoutes(router: Router, state: VirtuaState) {
  // The reference shows /account without a `success` field.
  router.get('/account', () => ({ json: { ...state.account } }))

  router.get('/cloud/limits', () => ok({ usage: state.usage(), limits: { ...state.limits } }))

  router.get('/project', () => {
    const servers = state.list()
    return ok({
      projects: state.projects.map(p => ({
        uuid: p.uuid,
        name: p.name,
        description: p.description,
        cloud_servers_count: String(servers.filter(s => s.project === p.uuid).length),
        monthly_cloud_usage: state.account.monthly_cloud_usage,
        monthly_cloud_usage_estimate: state.account.monthly_cloud_usage_estimate,
        domains_count: '0',
        environment: p.environment,
        created_at: p.created_at,
      })),
    })
  })

  router.get('/cloud/offers', () => ok({ offers: structuredClone(state.offers) }))
  router.get('/cloud/systems', () => ok({ systems: structuredClone(state.systems) }))
}
