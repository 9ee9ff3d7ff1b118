/**
 * /api/billing/v1/…: catalog (prices in cents, filter by category and `*` wildcard name),
 * subscriptions and payment methods. All plain arrays, no paging (spec).
 */
import type { Router } from '../../core/router'
import { Errors, ok } from './respond'
import type { HostingerState } from './state'

const CATEGORIES = ['DOMAIN', 'VPS', 'EMAIL']

/** `extraCatalog`: items other modules sell (domain TLDs), served by the same catalog route. */
export function registerBillingRoutes(router: Router, state: HostingerState, extraCatalog: () => { category: string, name: string }[] = () => []) {
  router.get('/api/billing/v1/catalog', (req) => {
    const { category, name } = req.query
    if (category !== undefined && !CATEGORIES.includes(category)) {
      const errors = new Errors()
      errors.invalid('category')
      return errors.response()!
    }
    const pattern = name ? new RegExp(`^${name.split('*').map(s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i') : null
    return ok([...state.catalog, ...extraCatalog() as typeof state.catalog].filter(i => (!category || i.category === category) && (!pattern || pattern.test(i.name))))
  })
  router.get('/api/billing/v1/subscriptions', () => ok(state.subscriptions))
  router.get('/api/billing/v1/payment-methods', () => ok(state.paymentMethods))
}
