/**
 * Plans: what customers can order, each mapped to one provider account's product.
 * Admins see everything; customers see active plans only, without the account or the mapping.
 */
import { CUSTOMER_FEATURES } from '#shared/servers/features'
import { and, asc, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { useDb } from '#server/db/client'
import { plans, providerAccounts, type ProviderAccount, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { getDefinition } from '#server/providers/registry'
import type { ProviderType } from '#server/providers/types'
import { adapterFor, requireAccount } from '../provider-accounts'
import { checkMappingAgainstCatalog, defaultTemplate, parseMapping, planTemplates } from './plan-mapping'
import { presentPlan, presentTemplate } from '../catalog/present'

export type PlanRow = typeof plans.$inferSelect

export const planBodySchema = z.object({
  name: z.string().trim().min(1, 'Name the plan').max(80),
  description: z.string().trim().max(1000).nullish(),
  price_text: z.string().trim().max(80).nullish(),
  account: z.string().trim().min(1, 'Choose a provider account').max(40),
  mapping: z.record(z.string(), z.unknown()),
  /** What a customer may do on a server of this plan (graphs, snapshots, …); every feature when not given. */
  customer_features: z.array(z.enum(CUSTOMER_FEATURES)).max(CUSTOMER_FEATURES.length).optional(),
}).strict()
export const planPatchSchema = planBodySchema.partial().extend({ retired: z.boolean().optional() }).strict()

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function supportsSshKeys(type: string) {
  return getDefinition(type)?.meta.capabilities.ssh_keys.supported === true
}

/** What a customer may know about a plan: no account, no upstream ids but the default OS. */
export function customerPlanView(p: PlanRow, type: ProviderType) {
  const template = defaultTemplate(type, p.mapping)
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    price_text: p.priceText,
    ssh_keys: supportsSshKeys(type),
    default_template: template,
    template_required: template === null,
  }
}

export function adminPlanView(p: PlanRow, account: Pick<ProviderAccount, 'slug' | 'type' | 'displayName'>) {
  return {
    ...customerPlanView(p, account.type),
    account: { slug: account.slug, type: account.type, display_name: account.displayName },
    mapping: p.mapping,
    customer_features: p.customerFeatures,
    retired: p.retiredAt !== null,
    retired_at: iso(p.retiredAt),
    created_at: iso(p.createdAt),
    updated_at: iso(p.updatedAt),
  }
}

async function rowsWithAccounts(where?: ReturnType<typeof and>) {
  const db = await useDb()
  return db.select({ plan: plans, account: providerAccounts }).from(plans)
    .innerJoin(providerAccounts, eq(providerAccounts.id, plans.accountId))
    .where(where).orderBy(asc(plans.retiredAt), asc(plans.name))
}

export async function listPlans(user: Pick<User, 'role'>) {
  if (user.role === 'admin') return (await rowsWithAccounts()).map(r => adminPlanView(r.plan, r.account))
  return (await rowsWithAccounts(and(isNull(plans.retiredAt)))).map(r => customerPlanView(r.plan, r.account.type))
}

/** A plan and its account; customers only reach active plans (others are 404 to them). */
export async function loadPlan(id: string, user: Pick<User, 'role'>) {
  const [r] = await rowsWithAccounts(user.role === 'admin' ? eq(plans.id, id) : and(eq(plans.id, id), isNull(plans.retiredAt)))
  if (!r) throw httpError(404, 'No such plan', 'plan_not_found')
  return r
}

export async function getPlanView(id: string, user: Pick<User, 'role'>) {
  const r = await loadPlan(id, user)
  return user.role === 'admin' ? adminPlanView(r.plan, r.account) : customerPlanView(r.plan, r.account.type)
}

async function checkedMapping(account: ProviderAccount, raw: unknown) {
  const mapping = parseMapping(account.type, raw)
  await checkMappingAgainstCatalog(adapterFor(account), account.type, mapping)
  return mapping
}

export async function createPlan(body: z.infer<typeof planBodySchema>) {
  const account = await requireAccount(body.account)
  const mapping = await checkedMapping(account, body.mapping)
  const db = await useDb()
  const [row] = await db.insert(plans).values({
    name: body.name, description: body.description || null, priceText: body.price_text || null, accountId: account.id, mapping,
    ...(body.customer_features ? { customerFeatures: [...new Set(body.customer_features)] } : {}),
  }).returning()
  return adminPlanView(row!, account)
}

export async function updatePlan(id: string, patch: z.infer<typeof planPatchSchema>) {
  const { plan: current, account: oldAccount } = await loadPlan(id, { role: 'admin' })
  const account = patch.account ? await requireAccount(patch.account) : oldAccount
  const set: Partial<typeof plans.$inferInsert> = { updatedAt: new Date() }
  if (patch.name !== undefined) set.name = patch.name
  if (patch.description !== undefined) set.description = patch.description || null
  if (patch.price_text !== undefined) set.priceText = patch.price_text || null
  if (patch.customer_features !== undefined) set.customerFeatures = [...new Set(patch.customer_features)]
  // Another account means another catalog: its mapping must be given and checked again.
  if (account.id !== oldAccount.id && patch.mapping === undefined) throw httpError(400, 'A new account needs its mapping', 'invalid_mapping')
  if (patch.mapping !== undefined) {
    set.mapping = await checkedMapping(account, patch.mapping)
    set.accountId = account.id
  }
  if (patch.retired !== undefined) set.retiredAt = patch.retired ? (current.retiredAt ?? new Date()) : null
  const db = await useDb()
  const [row] = await db.update(plans).set(set).where(eq(plans.id, id)).returning()
  return adminPlanView(row!, account)
}

/** The OS templates a customer may pick for a plan, marked with the plan's default. */
export async function templatesForPlan(id: string, user: Pick<User, 'role'>) {
  const { plan, account } = await loadPlan(id, user)
  const list = await planTemplates(adapterFor(account), account.type, plan.mapping as Record<string, string>)
  const def = defaultTemplate(account.type, plan.mapping)
  return list.map(t => ({ id: String(t.id), name: t.name, family: t.family ?? null, default: String(t.id) === def }))
}

/** Admin form helper: an account's catalog, to fill the mapping fields with real ids. */
export async function accountCatalog(slug: string, opts: { plan?: string }) {
  const account = await requireAccount(slug)
  const adapter = adapterFor(account)
  const settle = <T>(p: Promise<T>) => p.then(value => ({ value, error: null }), (e: Error) => ({ value: [] as unknown as T, error: e.message }))
  const [plansR, dcs, templates] = await Promise.all([
    settle(adapter.listPlans()),
    settle(adapter.listDatacenters()),
    settle(adapter.meta.facts.plan_mapping.templates_by_plan ? adapter.listTemplates(opts.plan ? { plan: opts.plan } : {}) : adapter.listTemplates()),
  ])
  const strip = <T extends { extra?: unknown }>(xs: T[]) => xs.map(({ extra: _extra, ...x }) => x)
  return {
    account: { slug: account.slug, type: account.type, display_name: account.displayName },
    plans: plansR.value.map(presentPlan),
    datacenters: strip(dcs.value),
    templates: templates.value.map(presentTemplate),
    errors: { plans: plansR.error, datacenters: dcs.error, templates: templates.error },
  }
}
