/**
 * The seller on our invoices (name, address, country, VAT id), the payment term, and the tax
 * rate per customer country. Kept in `app_settings` under `billing` and in `tax_rates`.
 */
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { useDb } from '#server/db/client'
import { appSettings, taxRates, users, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'

const country = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Use a two-letter country code (ISO 3166), such as DE')

export const billingSettingsSchema = z.object({
  seller_name: z.string().trim().max(120).optional(),
  seller_address: z.string().trim().max(500).optional(),
  seller_country: country.nullable().optional(),
  seller_vat_id: z.string().trim().max(40).nullable().optional(),
  due_days: z.number().int().min(0).max(365).optional(),
  tax_rates: z.array(z.object({ country, rate_bp: z.number().int().min(0).max(10_000) })).max(300).optional(),
}).strict()

export const billingProfileSchema = z.object({
  country: country.nullable().optional(),
  vat_id: z.string().trim().max(40).nullable().optional(),
  company: z.string().trim().max(200).nullable().optional(),
}).strict()

export const adminBillingProfileSchema = billingProfileSchema.extend({ credit_terms: z.boolean().optional() }).strict()

interface Seller { seller_name: string, seller_address: string, seller_country: string | null, seller_vat_id: string | null, due_days: number }
const DEFAULTS: Seller = { seller_name: 'Hosting Panel', seller_address: '', seller_country: null, seller_vat_id: null, due_days: 14 }

/** Inside a transaction, pass it: on PGlite a second query outside it would wait for it forever. */
export async function sellerSettings(exec?: Pick<Awaited<ReturnType<typeof useDb>>, 'select'>): Promise<Seller> {
  const db = exec ?? await useDb()
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, 'billing'))
  return { ...DEFAULTS, ...(row?.value as Partial<Seller> | undefined) }
}

export async function taxRateMap(exec?: Pick<Awaited<ReturnType<typeof useDb>>, 'select'>): Promise<Record<string, number>> {
  const db = exec ?? await useDb()
  return Object.fromEntries((await db.select().from(taxRates)).map(r => [r.country, r.rateBp]))
}

export async function getBillingSettings() {
  const db = await useDb()
  const rates = await db.select().from(taxRates).orderBy(asc(taxRates.country))
  return { ...(await sellerSettings()), tax_rates: rates.map(r => ({ country: r.country, rate_bp: r.rateBp })) }
}

export async function updateBillingSettings(patch: z.infer<typeof billingSettingsSchema>) {
  const db = await useDb()
  const { tax_rates: rates, ...seller } = patch
  const current = await sellerSettings()
  await db.transaction(async (tx) => {
    if (Object.keys(seller).length) {
      const value = { ...current, ...seller }
      await tx.insert(appSettings).values({ key: 'billing', value }).onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } })
    }
    if (rates) {
      // The list as given replaces the old one.
      await tx.delete(taxRates)
      const unique = [...new Map(rates.map(r => [r.country, r])).values()]
      if (unique.length) await tx.insert(taxRates).values(unique.map(r => ({ country: r.country, rateBp: r.rate_bp })))
    }
  })
  return getBillingSettings()
}

export function billingProfileView(u: Pick<User, 'billingCountry' | 'vatId' | 'company' | 'creditTerms'>) {
  return { country: u.billingCountry, vat_id: u.vatId, company: u.company, credit_terms: u.creditTerms }
}

function profileChanges(patch: z.infer<typeof billingProfileSchema>): Partial<typeof users.$inferInsert> {
  const set: Partial<typeof users.$inferInsert> = { updatedAt: new Date() }
  if (patch.country !== undefined) set.billingCountry = patch.country || null
  if (patch.vat_id !== undefined) set.vatId = patch.vat_id || null
  if (patch.company !== undefined) set.company = patch.company || null
  return set
}

export async function updateBillingProfile(user: User, patch: z.infer<typeof billingProfileSchema>) {
  const db = await useDb()
  const [row] = await db.update(users).set(profileChanges(patch)).where(eq(users.id, user.id)).returning()
  return billingProfileView(row!)
}

/** Admins: a customer's billing profile and credit terms, in one update (404 for no such user). */
export async function adminUpdateBillingProfile(userId: string, body: z.infer<typeof adminBillingProfileSchema>) {
  const db = await useDb()
  const { credit_terms: terms, ...profile } = body
  const set = profileChanges(profile)
  if (terms !== undefined) set.creditTerms = terms
  const [row] = await db.update(users).set(set).where(eq(users.id, userId)).returning()
  if (!row) throw httpError(404, 'No such user', 'user_not_found')
  return { profile: billingProfileView(row), email: row.email }
}
