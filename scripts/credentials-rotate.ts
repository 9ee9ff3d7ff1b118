/**
 * `npm run credentials:rotate`: re-encrypt every provider credential (and 2FA secret) under the current key.
 * Put the new key in NUXT_CREDENTIALS_KEY and the old one(s) in NUXT_CREDENTIALS_OLD_KEYS;
 * in development the generated .data/credentials.key is read as an old key automatically.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { eq, isNotNull } from 'drizzle-orm'
import { closeDb, useDb } from '../server/db/client'
import { providerAccounts, users } from '../server/db/schema'
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
await closeDb()
