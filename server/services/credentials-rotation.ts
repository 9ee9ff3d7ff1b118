/**
 * `npm run credentials:rotate`: every secret the panel keeps under the credentials keyring,
 * re-encrypted under the current key. Each kind binds its ciphertext to its row by the AAD id:
 * provider accounts their id, TOTP `user-totp:<user>`, webhooks `webhook:<id>`, the SMTP password
 * `smtp`, payment gateways their row's `id` (services/payments/gateway.ts).
 */
import { eq, isNotNull } from 'drizzle-orm'
import type { Db } from '../db/client'
import { appSettings, paymentGateways, providerAccounts, users, webhookEndpoints } from '../db/schema'
import { decryptCredentials, encryptCredentials, type Keyring } from '../lib/credentials-crypto'

/** Re-encrypts each row not yet under the current key. A row no key opens stops the run. */
export async function rotateAll(
  ring: Keyring,
  rows: { id: string, credentialsCiphertext: string, credentialsKeyId: string }[],
  save: (id: string, ciphertext: string, keyId: string) => Promise<void>,
) {
  let rotated = 0
  let unchanged = 0
  for (const row of rows) {
    if (row.credentialsKeyId === ring.current.id) { unchanged++; continue }
    const plain = decryptCredentials(ring, row.id, row.credentialsCiphertext, row.credentialsKeyId)
    const next = encryptCredentials(ring, row.id, plain)
    await save(row.id, next.ciphertext, next.keyId)
    rotated++
  }
  return { rotated, unchanged }
}

export interface RotationReport { accounts: Counts, totp: Counts, alerts: Counts, gateways: Counts }
type Counts = Awaited<ReturnType<typeof rotateAll>>

const add = (a: Counts, b: Counts): Counts => ({ rotated: a.rotated + b.rotated, unchanged: a.unchanged + b.unchanged })

/** Every stored secret, kind by kind. A secret no key in the ring opens stops the run (nothing after it is touched). */
export async function rotateStoredSecrets(db: Db, ring: Keyring): Promise<RotationReport> {
  const accounts = await rotateAll(ring, await db.select().from(providerAccounts), async (id, ciphertext, keyId) => {
    await db.update(providerAccounts).set({ credentialsCiphertext: ciphertext, credentialsKeyId: keyId }).where(eq(providerAccounts.id, id))
  })
  const totpRows = (await db.select().from(users).where(isNotNull(users.totpSecretCiphertext)))
    .map(u => ({ id: `user-totp:${u.id}`, credentialsCiphertext: u.totpSecretCiphertext!, credentialsKeyId: u.totpKeyId! }))
  const totp = await rotateAll(ring, totpRows, async (id, ciphertext, keyId) => {
    await db.update(users).set({ totpSecretCiphertext: ciphertext, totpKeyId: keyId }).where(eq(users.id, id.slice('user-totp:'.length)))
  })
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
  // The gateway's AAD is its row's uuid; its primary key is the kind ('stripe').
  const gatewayRows = (await db.select().from(paymentGateways)).map(g => ({ id: g.id, credentialsCiphertext: g.credentialsCiphertext, credentialsKeyId: g.credentialsKeyId }))
  const gateways = await rotateAll(ring, gatewayRows, async (id, ciphertext, keyId) => {
    await db.update(paymentGateways).set({ credentialsCiphertext: ciphertext, credentialsKeyId: keyId, updatedAt: new Date() }).where(eq(paymentGateways.id, id))
  })
  return { accounts, totp, alerts: add(hooks, mail), gateways }
}
