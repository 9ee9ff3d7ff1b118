/**
 * What a plan maps to upstream, and how to check it against the provider's catalog. Each
 * provider lists its mapping fields in its metadata (`facts.plan_mapping`), in the providers' own
 * words (a package id, an offer, a catalog price id …): the schema and the catalog check are
 * built from that list.
 */
import { z } from 'zod'
import type { BaseAdapter } from '#server/providers/base'
import { getDefinition } from '#server/providers/registry'
import type { PlanMappingField, ProviderType } from '#server/providers/types'
import type { PlanMappingFacts } from '#shared/providers/facts'
import { httpError } from '#server/lib/http-errors'

const idText = (what: string) => z.union([z.string(), z.number()])
  .transform(v => String(v).trim())
  .pipe(z.string().min(1, `${what} is required`).max(200))
const numericId = (what: string) => idText(what).pipe(z.string().regex(/^\d+$/, `${what} must be a number`))

function fieldSchema(f: PlanMappingField): z.ZodType {
  const base = f.kind === 'choice'
    ? z.enum((f.choices ?? []).map(c => c.value) as [string, ...string[]])
    : f.kind === 'number' ? numericId(f.key) : idText(f.key)
  return f.optional || f.when ? base.optional() : base
}

function mappingFacts(type: ProviderType | string): PlanMappingFacts {
  const facts = getDefinition(type)?.meta.facts.plan_mapping
  if (!facts) throw httpError(400, `"${type}" is not a provider type`, 'invalid_mapping')
  return facts
}

/** The mapping's schema: the fields, nothing else, and a field asked for only `when` required then. */
export function mappingSchema(fields: PlanMappingField[]) {
  return z.object(Object.fromEntries(fields.map(f => [f.key, fieldSchema(f)]))).strict().superRefine((m, ctx) => {
    for (const f of fields) {
      if (f.when && m[f.when.key] === f.when.value && !m[f.key]) {
        ctx.addIssue({ code: 'custom', message: `${f.key} is required when ${f.when.key} is ${f.when.value}`, path: [f.key] })
      }
    }
  })
}

export function parseMapping(type: ProviderType, raw: unknown): Record<string, string> {
  const r = mappingSchema(mappingFacts(type).fields).safeParse(raw ?? {})
  if (!r.success) {
    const issue = r.error.issues[0]!
    const where = issue.path.length ? `mapping.${issue.path.join('.')}: ` : 'mapping: '
    throw httpError(400, `Invalid ${where}${issue.message}`, 'invalid_mapping')
  }
  return r.data as Record<string, string>
}

const keyOf = (type: ProviderType | string, role: PlanMappingField['role']) => mappingFacts(type).fields.find(f => f.role === role)?.key

/** The upstream product id the plan buys (what listPlans answers with). */
export function upstreamPlanId(type: ProviderType | string, m: Record<string, string>): string {
  return m[keyOf(type, 'plan')!]!
}

/** The OS a plan installs unless the customer picks another; null where the plan has none. */
export function defaultTemplate(type: ProviderType | string, m: Record<string, unknown>): string | null {
  const key = keyOf(type, 'template')
  return key ? (m[key] as string) ?? null : null
}

/** The OS templates a customer may pick for this plan (per plan where the provider restricts them). */
export function planTemplates(adapter: BaseAdapter, type: ProviderType | string, m: Record<string, string>) {
  return mappingFacts(type).templates_by_plan ? adapter.listTemplates({ plan: upstreamPlanId(type, m) }) : adapter.listTemplates()
}

function missing(provider: string, what: string, id: string, field: string): never {
  throw httpError(400, `${provider} has no ${what} "${id}" (mapping.${field})`, 'mapping_not_found')
}

/** Each mapped id must exist in the provider's catalog; the first one that does not → 400. */
export async function checkMappingAgainstCatalog(adapter: BaseAdapter, type: ProviderType | string, m: Record<string, string>) {
  const name = adapter.meta.displayName
  const lists = {
    plans: () => adapter.listPlans(),
    datacenters: () => adapter.listDatacenters(),
    templates: () => planTemplates(adapter, type, m),
  }
  for (const f of mappingFacts(type).fields) {
    if (!f.catalog || m[f.key] === undefined) continue
    const list = await lists[f.catalog.list]()
    if (!list.some(x => String(x.id) === String(m[f.key]))) missing(name, f.catalog.what, m[f.key]!, f.key)
  }
}
