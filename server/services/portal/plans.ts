/**
 * Plans: what customers can order, each mapped to one provider account's product.
 * Admins see everything; customers see active plans only, without the account or the mapping.
 */
import { CUSTOMER_FEATURES } from '#shared/servers/features'
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { useDb } from '#server/db/client'
import { planPrices, plans, providerAccounts, type ProviderAccount, type User } from '#server/db/schema'
import { BILLING_CYCLES } from '#shared/schemas/invoices'
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
  /** Billing: a price per cycle (replaces the plan's prices when given), a stock limit, provisioning before payment. */
  prices: z.array(z.object({
    cycle: z.enum(BILLING_CYCLES),
    amount_minor: z.number().int().min(0).max(100_000_000),
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'currency is a three-letter code, such as EUR'),
    setup_fee_minor: z.number().int().min(0).max(100_000_000).default(0),
  }).strict()).max(BILLING_CYCLES.length).refine(ps => new Set(ps.map(p => p.cycle)).size === ps.length, 'One price per billing cycle').optional(),
  stock_limit: z.number().int().min(0).max(1_000_000).nullish(),
  pay_later: z.boolean().optional(),
}).strict()
export const planPatchSchema = planBodySchema.partial().extend({ retired: z.boolean().optional() }).strict()

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function supportsSshKeys(type: string) {
  return getDefinition(type)?.meta.capabilities.ssh_keys.supported === true
}

/** What a customer may know about a plan: no account, no upstream ids but the default OS. */
type PriceRow = typeof planPrices.$inferSelect

export function customerPlanView(p: PlanRow, type: ProviderType, prices: PriceRow[] = []) {
  const template = defaultTemplate(type, p.mapping)
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    price_text: p.priceText,
    prices: BILLING_CYCLES.flatMap(c => prices.filter(x => x.cycle === c)).map(x => ({ cycle: x.cycle, amount_minor: x.amountMinor, currency: x.currency, setup_fee_minor: x.setupFeeMinor })),
    pay_later: p.payLater,
    ssh_keys: supportsSshKeys(type),
    default_template: template,
    template_required: template === null,
  }
}

export function adminPlanView(p: PlanRow, account: Pick<ProviderAccount, 'slug' | 'type' | 'displayName'>, prices: PriceRow[] = []) {
  return {
    ...customerPlanView(p, account.type, prices),
    stock_limit: p.stockLimit,
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

async function pricesOf(ids: string[]) {
  if (!ids.length) return new Map<string, PriceRow[]>()
  const db = await useDb()
  const rows = await db.select().from(planPrices).where(inArray(planPrices.planId, ids))
  const by = new Map<string, PriceRow[]>()
  for (const r of rows) by.set(r.planId, [...(by.get(r.planId) ?? []), r])
  return by
}

export async function listPlans(user: Pick<User, 'role'>) {
  const rows = user.role === 'admin' ? await rowsWithAccounts() : await rowsWithAccounts(and(isNull(plans.retiredAt)))
  const prices = await pricesOf(rows.map(r => r.plan.id))
  if (user.role === 'admin') return rows.map(r => adminPlanView(r.plan, r.account, prices.get(r.plan.id)))
  return rows.map(r => customerPlanView(r.plan, r.account.type, prices.get(r.plan.id)))
}

/** A plan and its account; customers only reach active plans (others are 404 to them). */
export async function loadPlan(id: string, user: Pick<User, 'role'>) {
  const [r] = await rowsWithAccounts(user.role === 'admin' ? eq(plans.id, id) : and(eq(plans.id, id), isNull(plans.retiredAt)))
  if (!r) throw httpError(404, 'No such plan', 'plan_not_found')
  return r
}

export async function getPlanView(id: string, user: Pick<User, 'role'>) {
  const r = await loadPlan(id, user)
  const prices = (await pricesOf([id])).get(id)
  return user.role === 'admin' ? adminPlanView(r.plan, r.account, prices) : customerPlanView(r.plan, r.account.type, prices)
}

async function adminViewOf(id: string) {
  const r = await loadPlan(id, { role: 'admin' })
  return adminPlanView(r.plan, r.account, (await pricesOf([id])).get(id))
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
  const row = await db.transaction(async (tx) => {
    const [row] = await tx.insert(plans).values({
      name: body.name, description: body.description || null, priceText: body.price_text || null, accountId: account.id, mapping,
      stockLimit: body.stock_limit ?? null, payLater: body.pay_later ?? false,
      ...(body.customer_features ? { customerFeatures: [...new Set(body.customer_features)] } : {}),
    }).returning()
    if (body.prices) await setPrices(tx, row!.id, body.prices)
    return row!
  })
  return adminViewOf(row.id)
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
  if (patch.stock_limit !== undefined) set.stockLimit = patch.stock_limit ?? null
  if (patch.pay_later !== undefined) set.payLater = patch.pay_later
  const db = await useDb()
  await db.transaction(async (tx) => {
    await tx.update(plans).set(set).where(eq(plans.id, id))
    if (patch.prices) await setPrices(tx, id, patch.prices)
  })
  return adminViewOf(id)
}

/** A plan's prices, replaced by the list given (orders keep the invoice they were billed). */
async function setPrices(tx: Parameters<Parameters<Awaited<ReturnType<typeof useDb>>['transaction']>[0]>[0], planId: string, prices: NonNullable<z.infer<typeof planBodySchema>['prices']>) {
  await tx.delete(planPrices).where(eq(planPrices.planId, planId))
  if (prices.length) await tx.insert(planPrices).values(prices.map(p => ({ planId, cycle: p.cycle, amountMinor: p.amount_minor, currency: p.currency, setupFeeMinor: p.setup_fee_minor })))
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
