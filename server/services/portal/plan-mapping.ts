/**
 * What a plan maps to upstream, per provider, and how to check it against the provider's
 * catalog. Keys follow the providers' own words (VirtFusion `packageId`, Virtua `offer`, …).
 *
 *   virtfusion  packageId, hypervisorId (group), userPolicy 'per_customer' | 'fixed' (+ userId)
 *   virtua      offer, system (default OS), project? (else the account's project)
 *   hostinger   item (catalog price id), dataCenterId, template (default OS)
 *   inferno     pid, ostpl (default OS)
 */
import { z } from 'zod'
import type { BaseAdapter } from '#server/providers/base'
import type { ProviderType } from '#server/providers/types'
import { httpError } from '#server/lib/http-errors'

const idText = (what: string) => z.union([z.string(), z.number()])
  .transform(v => String(v).trim())
  .pipe(z.string().min(1, `${what} is required`).max(200))
const numericId = (what: string) => idText(what).pipe(z.string().regex(/^\d+$/, `${what} must be a number`))

export const mappingSchemas = {
  virtfusion: z.object({
    packageId: numericId('packageId'),
    hypervisorId: numericId('hypervisorId'),
    userPolicy: z.enum(['per_customer', 'fixed']),
    userId: numericId('userId').optional(),
  }).strict().refine(m => m.userPolicy !== 'fixed' || !!m.userId, { message: 'userId is required when userPolicy is fixed', path: ['userId'] }),
  virtua: z.object({ offer: idText('offer'), system: idText('system'), project: idText('project').optional() }).strict(),
  hostinger: z.object({ item: idText('item'), dataCenterId: numericId('dataCenterId'), template: numericId('template') }).strict(),
  inferno: z.object({ pid: numericId('pid'), ostpl: idText('ostpl') }).strict(),
} satisfies Record<ProviderType, z.ZodType>

export function parseMapping(type: ProviderType, raw: unknown): Record<string, string> {
  const r = mappingSchemas[type].safeParse(raw ?? {})
  if (!r.success) {
    const issue = r.error.issues[0]!
    const where = issue.path.length ? `mapping.${issue.path.join('.')}: ` : 'mapping: '
    throw httpError(400, `Invalid ${where}${issue.message}`, 'invalid_mapping')
  }
  return r.data as Record<string, string>
}

/** The upstream product id the plan buys (what listPlans answers with). */
export function upstreamPlanId(type: ProviderType, m: Record<string, string>): string {
  switch (type) {
    case 'virtfusion': return m.packageId!
    case 'virtua': return m.offer!
    case 'hostinger': return m.item!
    case 'inferno': return m.pid!
  }
}

/** The OS a plan installs unless the customer picks another; VirtFusion plans have none. */
export function defaultTemplate(type: ProviderType, m: Record<string, unknown>): string | null {
  switch (type) {
    case 'virtua': return (m.system as string) ?? null
    case 'hostinger': return (m.template as string) ?? null
    case 'inferno': return (m.ostpl as string) ?? null
    default: return null
  }
}

/** The OS templates a customer may pick for this plan. */
export function planTemplates(adapter: BaseAdapter, type: ProviderType, m: Record<string, string>) {
  // VirtFusion and Virtua restrict templates by package/offer; the others offer one list.
  return type === 'virtfusion' || type === 'virtua' ? adapter.listTemplates({ plan: upstreamPlanId(type, m) }) : adapter.listTemplates()
}

function missing(provider: string, what: string, id: string, field: string): never {
  throw httpError(400, `${provider} has no ${what} "${id}" (mapping.${field})`, 'mapping_not_found')
}

/** Each mapped id must exist in the provider's catalog; the first one that does not → 400. */
export async function checkMappingAgainstCatalog(adapter: BaseAdapter, type: ProviderType, m: Record<string, string>) {
  const name = adapter.meta.displayName
  const has = (list: { id: string }[], id: string) => list.some(x => String(x.id) === String(id))
  const plans = await adapter.listPlans()
  switch (type) {
    case 'virtfusion': {
      if (!has(plans, m.packageId!)) missing(name, 'package', m.packageId!, 'packageId')
      if (!has(await adapter.listDatacenters(), m.hypervisorId!)) missing(name, 'hypervisor group', m.hypervisorId!, 'hypervisorId')
      return
    }
    case 'virtua': {
      if (!has(plans, m.offer!)) missing(name, 'offer', m.offer!, 'offer')
      if (!has(await planTemplates(adapter, type, m), m.system!)) missing(name, 'system for this offer', m.system!, 'system')
      return
    }
    case 'hostinger': {
      if (!has(plans, m.item!)) missing(name, 'VPS catalog price', m.item!, 'item')
      if (!has(await adapter.listDatacenters(), m.dataCenterId!)) missing(name, 'data center', m.dataCenterId!, 'dataCenterId')
      if (!has(await adapter.listTemplates(), m.template!)) missing(name, 'OS template', m.template!, 'template')
      return
    }
    case 'inferno': {
      if (!has(plans, m.pid!)) missing(name, 'product', m.pid!, 'pid')
      if (!has(await adapter.listTemplates(), m.ostpl!)) missing(name, 'OS template', m.ostpl!, 'ostpl')
    }
  }
}
