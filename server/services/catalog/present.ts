/**
 * The create wizard's catalog (plans, OS templates, data centers) as the API answers it: the
 * adapter's model without its raw upstream record (`extra`), which no screen reads and which
 * the server-scoped template route would otherwise hand to customers.
 */
import type { OsTemplate, PlanOffer } from '#shared/schemas/servers'
import type { OsTemplate as AdapterTemplate, PlanOffer as AdapterPlan } from '#server/providers/types'

/** snake_case on the wire, as the seed's API. */
export function presentPlan(p: AdapterPlan): PlanOffer {
  return {
    id: p.id, name: p.name, vcpus: p.vcpus, memory_mb: p.memoryMb, disk_gb: p.diskGb,
    price: p.price, currency: p.currency, period: p.period, ...(p.region !== undefined ? { region: p.region } : {}),
  }
}

export function presentTemplate(t: AdapterTemplate): OsTemplate {
  const { extra: _extra, ...view } = t
  return view
}
