/**
 * `npm run credentials:rotate`: re-encrypt every stored secret (provider credentials, 2FA secrets,
 * webhook secrets, the SMTP password, payment gateway keys) under the current key.
 * Put the new key in NUXT_CREDENTIALS_KEY and the old one(s) in NUXT_CREDENTIALS_OLD_KEYS;
 * in development the generated .data/credentials.key is read as an old key automatically.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { closeDb, useDb } from '../server/db/client'
import { loadKeyring } from '../server/lib/credentials-crypto'
import { rotateStoredSecrets } from '../server/services/credentials-rotation'

const devKey = resolve(process.cwd(), '.data/credentials.key')
if (process.env.NUXT_CREDENTIALS_KEY && existsSync(devKey)) {
  process.env.NUXT_CREDENTIALS_OLD_KEYS = [process.env.NUXT_CREDENTIALS_OLD_KEYS, readFileSync(devKey, 'utf8').trim()].filter(Boolean).join(',')
}
const ring = loadKeyring()
const r = await rotateStoredSecrets(await useDb(), ring)
console.log(`re-encrypted ${r.accounts.rotated} account(s) under key ${ring.current.id}; ${r.accounts.unchanged} already current`)
console.log(`re-encrypted ${r.totp.rotated} TOTP secret(s); ${r.totp.unchanged} already current`)
console.log(`re-encrypted ${r.alerts.rotated} alert secret(s) (webhooks, SMTP); ${r.alerts.unchanged} already current`)
console.log(`re-encrypted ${r.gateways.rotated} payment gateway secret(s); ${r.gateways.unchanged} already current`)
await closeDb()
