/** Instance-wide settings an admin changes in the UI; cached a few seconds (read on every request). */
import { z } from 'zod'
import { useDb } from '../db/client'
import { appSettings } from '../db/schema'

export const settingsSchema = z.object({
  /** Admins without 2FA can only set it up until they have. */
  require_admin_2fa: z.boolean(),
}).strict()
export type AppSettings = z.infer<typeof settingsSchema>

const DEFAULTS: AppSettings = { require_admin_2fa: false }
const CACHE_MS = 3_000
let cached: { at: number, value: AppSettings } | undefined

export async function getSettings(): Promise<AppSettings> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.value
  const db = await useDb()
  const rows = await db.select().from(appSettings)
  const value = { ...DEFAULTS }
  for (const r of rows) if (r.key in DEFAULTS) (value as Record<string, unknown>)[r.key] = r.value
  cached = { at: Date.now(), value }
  return value
}

/** Writes only what changed; returns the new settings and the keys that changed. */
export async function updateSettings(patch: Partial<AppSettings>): Promise<{ settings: AppSettings, changed: string[] }> {
  const db = await useDb()
  const current = await getSettings()
  const changed: string[] = []
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || (current as Record<string, unknown>)[key] === value) continue
    await db.insert(appSettings).values({ key, value }).onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } })
    changed.push(key)
  }
  cached = undefined
  return { settings: await getSettings(), changed }
}

export async function getSetting<K extends keyof AppSettings>(key: K): Promise<AppSettings[K]> {
  return (await getSettings())[key]
}
