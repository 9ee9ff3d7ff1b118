/**
 * The create wizard's catalog (plans, OS templates, data centers) as the API answers it: the
 * adapter's model without its raw upstream record (`extra`), which no screen reads and which
 * the server-scoped template route would otherwise hand to customers.
 */
import type { OsTemplate, PlanOffer } from '#shared/schemas/servers'
import type { OsTemplate as AdapterTemplate, PlanOffer as AdapterPlan } from '#server/providers/types'

export function presentPlan(p: AdapterPlan): PlanOffer {
  const { extra: _extra, ...view } = p
  return view
}

export function presentTemplate(t: AdapterTemplate): OsTemplate {
  const { extra: _extra, ...view } = t
  return view
}
