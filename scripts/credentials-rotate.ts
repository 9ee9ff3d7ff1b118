/**
 * `npm run credentials:rotate`: re-encrypt every provider credential (and 2FA secret, webhook secret, SMTP password) under the current key.
 * Put the new key in NUXT_CREDENTIALS_KEY and the old one(s) in NUXT_CREDENTIALS_OLD_KEYS;
 * in development the generated .data/credentials.key is read as an old key automatically.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { eq, isNotNull } from 'drizzle-orm'
import { closeDb, useDb } from '../server/db/client'
import { appSettings, providerAccounts, users, webhookEndpoints } from '../server/db/schema'
import { loadKeyring } from '../server/lib/credentials-crypto'
import { rotateAll } from '../server/services/credentials-rotation'

const devKey = resolve(process.cwd(), '.data/credentials.key')
if (process.env.NUXT_CREDENTIALS_KEY && existsSync(devKey)) {
  process.env.NUXT_CREDENTIALS_OLD_KEYS = [process.env.NUXT_CREDENTIALS_OLD_KEYS, readFileSync(devKey, 'utf8').trim()].filter(Boolean).join(',')
}
const ring = loadKeyring()
const db = await useDb()
const result = await rotateAll(ring, await db.select().from(providerAccounts), async (id, ciphertext, keyId) => {
  await db.update(providerAccounts).set({ credentialsCiphertext: ciphertext, credentialsKeyId: keyId }).where(eq(providerAccounts.id, id))
})
console.log(`re-encrypted ${result.rotated} account(s) under key ${ring.current.id}; ${result.unchanged} already current`)
// TOTP secrets use the same keyring; their AAD id is `user-totp:<user id>` (server/services/totp.ts).
const totpRows = (await db.select().from(users).where(isNotNull(users.totpSecretCiphertext)))
  .map(u => ({ id: `user-totp:${u.id}`, credentialsCiphertext: u.totpSecretCiphertext!, credentialsKeyId: u.totpKeyId! }))
const totp = await rotateAll(ring, totpRows, async (id, ciphertext, keyId) => {
  await db.update(users).set({ totpSecretCiphertext: ciphertext, totpKeyId: keyId }).where(eq(users.id, id.slice('user-totp:'.length)))
})
console.log(`re-encrypted ${totp.rotated} TOTP secret(s); ${totp.unchanged} already current`)

// Webhook secrets: AAD `webhook:<id>`; the SMTP password: AAD `smtp`, inside app_settings "smtp" (services/alerts).
const hookRows = (await db.select().from(webhookEndpoints)).map(w => ({ id: `webhook:${w.id}`, credentialsCiphertext: w.secretCiphertext, credentialsKeyId: w.secretKeyId }))
const hooks = await rotateAll(ring, hookRows, async (id, ciphertext, keyId) => {
  await db.update(webhookEndpoints).set({ secretCiphertext: ciphertext, secretKeyId: keyId }).where(eq(webhookEndpoints.id, id.slice('webhook:'.length)))
})
const [smtpRow] = await db.select().from(appSettings).where(eq(appSettings.key, 'smtp'))
const smtp = smtpRow?.value as { password_ciphertext?: string | null, password_key_id?: string | null } | undefined
const smtpRows = smtp?.password_ciphertext && smtp.password_key_id ? [{ id: 'smtp', credentialsCiphertext: smtp.password_ciphertext, credentialsKeyId: smtp.password_key_id }] : []
const mail = await rotateAll(ring, smtpRows, async (_id, ciphertext, keyId) => {
  await db.update(appSettings).set({ value: { ...smtp, password_ciphertext: ciphertext, password_key_id: keyId }, updatedAt: new Date() }).where(eq(appSettings.key, 'smtp'))
})
console.log(`re-encrypted ${hooks.rotated + mail.rotated} alert secret(s) (webhooks, SMTP); ${hooks.unchanged + mail.unchanged} already current`)
await closeDb()
