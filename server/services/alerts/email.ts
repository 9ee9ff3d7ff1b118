/**
 * Alerts by e-mail: nodemailer over the SMTP server an admin sets up (stored in app_settings under
 * "smtp"; the password AES-256-GCM like provider credentials, aad "smtp"). Mails are sent by a
 * pg-boss job, one per recipient, in the recipient's saved language; a failure is retried by
 * pg-boss. The password is never logged nor answered (masked).
 */
import { eq } from 'drizzle-orm'
import nodemailer from 'nodemailer'
import { z } from 'zod'
import { useDb } from '#server/db/client'
import { appSettings, users } from '#server/db/schema'
import { decryptCredentials, encryptCredentials, loadKeyring, maskSecret } from '#server/lib/credentials-crypto'
import type { SmtpSettingsView } from '#shared/schemas/alerts'
import type { EmailJobData } from './emit'
import { forgetBrandCache, getBrand, saveBrandName } from '#server/services/brand'
import { invoiceDetail, loadInvoice } from '#server/services/invoicing/invoices'
import { invoicePdf } from '#server/services/invoicing/pdf'
import { alertLocale, renderAlertEmail, renderTestEmail, type AlertEmail, type AlertLocale } from './render'

const KEY = 'smtp'
const AAD = 'smtp'

interface StoredSmtp {
  enabled: boolean
  host: string
  port: number
  secure: boolean
  user: string
  password_ciphertext: string | null
  password_key_id: string | null
  from: string
  product_name: string
  panel_url: string
}

const DEFAULTS: StoredSmtp = { enabled: false, host: '', port: 587, secure: false, user: '', password_ciphertext: null, password_key_id: null, from: '', product_name: 'Hosting panel', panel_url: '' }

export const smtpSettingsBody = z.object({
  enabled: z.boolean(),
  host: z.string().trim().max(253),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean(),
  user: z.string().max(320),
  /** Omitted: keep the saved one; empty: remove it. */
  password: z.string().max(1000).optional(),
  from: z.union([z.literal(''), z.email().max(320), z.string().max(400).regex(/^[^<>]*<[^<>@\s]+@[^<>\s]+>$/, 'a name and <address>')]),
  product_name: z.string().trim().min(1).max(80),
  panel_url: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
}).strict().refine(s => !s.enabled || (s.host && s.from), { message: 'Sending needs a host and a from address', path: ['host'] })

async function readStored(): Promise<StoredSmtp> {
  const db = await useDb()
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, KEY))
  return { ...DEFAULTS, ...(row?.value as Partial<StoredSmtp> | undefined) }
}

function passwordOf(s: StoredSmtp): string | null {
  if (!s.password_ciphertext || !s.password_key_id) return null
  return decryptCredentials(loadKeyring(), AAD, s.password_ciphertext, s.password_key_id).password ?? null
}

function present(s: StoredSmtp): SmtpSettingsView {
  const password = passwordOf(s)
  return {
    enabled: s.enabled, host: s.host, port: s.port, secure: s.secure, user: s.user,
    password_set: !!password, password: maskSecret(password), from: s.from, product_name: s.product_name, panel_url: s.panel_url,
  }
}

/** The product name shown (and saved) here is the brand's: one name for the portal and its mail. */
export async function getSmtpSettings(): Promise<SmtpSettingsView> {
  return { ...present(await readStored()), product_name: (await getBrand()).name }
}

export async function saveSmtpSettings(body: z.infer<typeof smtpSettingsBody>): Promise<{ settings: SmtpSettingsView, changed: string[] }> {
  const current = await readStored()
  const { password, ...rest } = body
  const next: StoredSmtp = { ...current, ...rest }
  if (password !== undefined) {
    const sealed = password ? encryptCredentials(loadKeyring(), AAD, { password }) : null
    next.password_ciphertext = sealed?.ciphertext ?? null
    next.password_key_id = sealed?.keyId ?? null
  }
  const changed: string[] = (Object.keys(rest) as (keyof typeof rest)[]).filter(k => current[k] !== next[k])
  if (password !== undefined) changed.push('password')
  const db = await useDb()
  await db.insert(appSettings).values({ key: KEY, value: next }).onConflictDoUpdate({ target: appSettings.key, set: { value: next, updatedAt: new Date() } })
  forgetBrandCache()
  await saveBrandName(next.product_name)
  return { settings: present(next), changed }
}

/** The product name and the panel's address for e-mails: the brand's, else the SMTP form's older fields. */
async function mailBrand(s: StoredSmtp) {
  const brand = await getBrand()
  return {
    product: brand.name,
    panelUrl: brand.portal_domain ? `https://${brand.portal_domain}` : (s.panel_url || null),
    support: brand.support_email || brand.support_url || null,
  }
}

function transportOf(s: StoredSmtp) {
  const password = passwordOf(s)
  return nodemailer.createTransport({
    host: s.host, port: s.port, secure: s.secure,
    auth: s.user ? { user: s.user, pass: password ?? '' } : undefined,
    connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000,
    logger: false, debug: false,
  })
}

interface Attachment { filename: string, content: Buffer, contentType: string }

async function send(s: StoredSmtp, to: string, mail: AlertEmail, attachments: Attachment[] = []) {
  const transport = transportOf(s)
  try {
    await transport.sendMail({ from: s.from, to, subject: mail.subject, text: mail.text, html: mail.html, textEncoding: 'base64', attachments })
  }
  finally {
    transport.close()
  }
}

/** The job: one alert mailed to one user. Returns why nothing was sent, if so. */
export async function sendAlertEmail(job: EmailJobData): Promise<'sent' | 'smtp_off' | 'no_user'> {
  const s = await readStored()
  if (!s.enabled || !s.host || !s.from) return 'smtp_off'
  const db = await useDb()
  const [u] = await db.select({ email: users.email, name: users.name, locale: users.locale, disabled: users.disabled }).from(users).where(eq(users.id, job.userId))
  if (!u || u.disabled) return 'no_user'
  const b = await mailBrand(s)
  const locale = alertLocale(u.locale)
  const mail = renderAlertEmail({ locale, kind: job.kind, params: job.params, name: u.name, product: b.product, link: job.link, panelUrl: b.panelUrl, support: b.support })
  await send(s, u.email, mail, job.invoiceId ? await invoiceAttachment(job.invoiceId, job.userId, locale) : [])
  return 'sent'
}

/**
 * The invoice as it is when the mail goes out (a paid one says paid), as the PDF the invoice page
 * offers, in the reader's language. Only the invoice's own customer gets it attached: the lookup
 * is scoped to the recipient, so a mis-addressed job attaches nothing rather than another's invoice.
 */
async function invoiceAttachment(invoiceId: string, userId: string, locale: AlertLocale): Promise<Attachment[]> {
  const inv = await loadInvoice(invoiceId, { id: userId, role: 'customer' }).catch(() => null)
  if (!inv) return []
  const content = await invoicePdf(inv, await invoiceDetail(inv), locale)
  return [{ filename: `${inv.kind === 'credit_note' ? 'credit-note' : 'invoice'}-${inv.number ?? inv.id}.pdf`, content, contentType: 'application/pdf' }]
}

/**
 * "Send test mail": one e-mail to the admin, now (not queued), so the answer says whether the
 * SMTP server took it. The server's own refusal is passed on (admins only see it).
 */
export async function sendTestEmail(to: { email: string, name: string, locale: string | null }): Promise<{ ok: true } | { ok: false, reason: 'smtp_off' } | { ok: false, reason: 'smtp_failed', message: string }> {
  const s = await readStored()
  if (!s.enabled || !s.host || !s.from) return { ok: false, reason: 'smtp_off' }
  const b = await mailBrand(s)
  try {
    await send(s, to.email, renderTestEmail({ locale: alertLocale(to.locale), name: to.name, product: b.product }))
    return { ok: true }
  }
  catch (e) {
    const message = String((e as Error)?.message ?? e).replace(/\s+/g, ' ').slice(0, 300)
    return { ok: false, reason: 'smtp_failed', message }
  }
}
