/**
 * When renewals happen: the next invoice N days before a service period ends, suspension after
 * the due date plus grace days, the admin's termination review after a further period, and
 * whether termination may happen on its own (off unless the admin turns it on). Kept in
 * `app_settings` under `billing_renewals`.
 */
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { useDb } from '#server/db/client'
import { appSettings } from '#server/db/schema'

export const renewalSettingsSchema = z.object({
  invoice_days_before: z.number().int().min(1).max(60),
  grace_days: z.number().int().min(0).max(60),
  termination_review_days: z.number().int().min(1).max(365),
  auto_terminate: z.boolean(),
}).strict()
export type RenewalSettings = z.infer<typeof renewalSettingsSchema>

const KEY = 'billing_renewals'
export const RENEWAL_DEFAULTS: RenewalSettings = { invoice_days_before: 7, grace_days: 3, termination_review_days: 14, auto_terminate: false }

export async function renewalSettings(): Promise<RenewalSettings> {
  const db = await useDb()
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, KEY))
  const stored = renewalSettingsSchema.partial().safeParse(row?.value ?? {})
  return { ...RENEWAL_DEFAULTS, ...(stored.success ? stored.data : {}) }
}

export async function updateRenewalSettings(patch: Partial<RenewalSettings>): Promise<{ settings: RenewalSettings, changed: string[] }> {
  const current = await renewalSettings()
  const changed = Object.entries(patch).filter(([k, v]) => v !== undefined && current[k as keyof RenewalSettings] !== v).map(([k]) => k)
  if (!changed.length) return { settings: current, changed }
  const value = { ...current, ...patch }
  const db = await useDb()
  await db.insert(appSettings).values({ key: KEY, value }).onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } })
  return { settings: value, changed }
}
