/**
 * The brand (white label): the product name, logo, colours, support contacts and the portal's
 * domain, stored in app_settings under "brand" (the logo in brand_logos). Everything that names
 * the product reads `getBrand()`: the app bar, page titles, the login page, e-mails, documents.
 * Cached a few seconds (read on every page render).
 */
import { createHash } from 'node:crypto'
import { eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { useDb } from '#server/db/client'
import { appSettings, brandLogos } from '#server/db/schema'
import { HEX_COLOR, darkShade, readsOnLight } from '#shared/brand/contrast'
import type { BrandView } from '#shared/schemas/brand'

const KEY = 'brand'
const CACHE_MS = 3_000
export const LOGO_MAX_BYTES = 200 * 1024
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const

const color = z.string().regex(HEX_COLOR, 'A colour as #rrggbb').transform(s => s.toLowerCase())

export const brandBody = z.object({
  name: z.string().trim().min(1).max(60),
  primary_color: color,
  secondary_color: color,
  support_email: z.union([z.literal(''), z.email().max(320)]),
  support_url: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
  portal_domain: z.union([z.literal(''), z.string().trim().toLowerCase().max(253).regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'A domain name, e.g. portal.example.com')]),
}).strict()
export type BrandSettings = z.infer<typeof brandBody>

export const BRAND_DEFAULTS: BrandSettings = {
  name: 'Hosting panel', primary_color: '#1f6feb', secondary_color: '#6e40c9', support_email: '', support_url: '', portal_domain: '',
}

export const logoBody = z.object({
  mime: z.enum(LOGO_TYPES),
  /** The image, base64 (at most 200 KB once decoded). */
  // Room for twice the limit, so an image too large is told so (413) rather than refused as input.
  data: z.string().min(4).max(Math.ceil((2 * LOGO_MAX_BYTES) / 3) * 4 + 4).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
}).strict()

let cached: { at: number, value: BrandView } | undefined

/** The SMTP form's product name stands in until a brand is saved: saving it forgets the cache. */
export function forgetBrandCache() {
  cached = undefined
}

/** Before a brand is saved, the product name of the SMTP form (older instances set it there) stands. */
async function readStored(): Promise<BrandSettings> {
  const db = await useDb()
  const rows = await db.select().from(appSettings).where(inArray(appSettings.key, [KEY, 'smtp']))
  const brand = rows.find(r => r.key === KEY)?.value as Partial<BrandSettings> | undefined
  if (brand) return { ...BRAND_DEFAULTS, ...brand }
  const smtpName = (rows.find(r => r.key === 'smtp')?.value as { product_name?: string } | undefined)?.product_name
  return { ...BRAND_DEFAULTS, ...(smtpName ? { name: smtpName } : {}) }
}

function present(s: BrandSettings, logo: { sha256: string } | undefined): BrandView {
  return {
    ...s,
    primary_color_dark: darkShade(s.primary_color),
    secondary_color_dark: darkShade(s.secondary_color),
    logo_url: logo ? `/api/brand/logo?v=${logo.sha256.slice(0, 16)}` : null,
  }
}

/** The brand as everyone sees it (no secrets in it: public). */
export async function getBrand(): Promise<BrandView> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.value
  const db = await useDb()
  const [logo] = await db.select({ sha256: brandLogos.sha256 }).from(brandLogos).where(eq(brandLogos.key, 'logo'))
  const value = present(await readStored(), logo)
  cached = { at: Date.now(), value }
  return value
}

/** A colour that white text does not read on (4.5:1) is refused: the field and the ratio it needs. */
export function contrastProblems(s: BrandSettings): string[] {
  return (['primary_color', 'secondary_color'] as const).filter(k => !readsOnLight(s[k]))
}

export async function saveBrand(body: BrandSettings): Promise<{ brand: BrandView, changed: string[] }> {
  const current = await readStored()
  const changed = (Object.keys(body) as (keyof BrandSettings)[]).filter(k => current[k] !== body[k])
  const db = await useDb()
  await db.insert(appSettings).values({ key: KEY, value: body }).onConflictDoUpdate({ target: appSettings.key, set: { value: body, updatedAt: new Date() } })
  cached = undefined
  return { brand: await getBrand(), changed }
}

/** The SMTP form names the product too: one name, the brand's. */
export async function saveBrandName(name: string): Promise<void> {
  const current = await readStored()
  if (current.name === name) return
  await saveBrand({ ...current, name })
}

/** Checks the bytes are the image type they claim (magic numbers), not only the declared type. */
function sniff(bytes: Buffer): (typeof LOGO_TYPES)[number] | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))) return 'image/png'
  if (bytes.length >= 3 && bytes[0] === 0xFF && bytes[1] === 0xD8 && bytes[2] === 0xFF) return 'image/jpeg'
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp'
  return null
}

export type LogoProblem = 'too_large' | 'wrong_type'

export async function saveLogo(body: z.infer<typeof logoBody>): Promise<{ brand: BrandView } | { problem: LogoProblem }> {
  const bytes = Buffer.from(body.data, 'base64')
  if (bytes.length > LOGO_MAX_BYTES) return { problem: 'too_large' }
  if (sniff(bytes) !== body.mime) return { problem: 'wrong_type' }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const row = { key: 'logo', mime: body.mime, data: bytes.toString('base64'), sha256, bytes: bytes.length }
  const db = await useDb()
  await db.insert(brandLogos).values(row).onConflictDoUpdate({ target: brandLogos.key, set: { ...row, updatedAt: new Date() } })
  cached = undefined
  return { brand: await getBrand() }
}

export async function deleteLogo(): Promise<BrandView> {
  const db = await useDb()
  await db.delete(brandLogos).where(eq(brandLogos.key, 'logo'))
  cached = undefined
  return getBrand()
}

export async function getLogo(): Promise<{ mime: string, bytes: Buffer, etag: string } | null> {
  const db = await useDb()
  const [row] = await db.select().from(brandLogos).where(eq(brandLogos.key, 'logo'))
  return row ? { mime: row.mime, bytes: Buffer.from(row.data, 'base64'), etag: `"${row.sha256.slice(0, 32)}"` } : null
}
