/**
 * `npm run credentials:rotate` (the script itself, as an operator runs it) re-encrypts the payment
 * gateway's keys along with the other secrets: afterwards they open with the new key alone, the
 * old key can go, and a second run finds nothing to do.
 *
 * Its own database on PostgreSQL (the script opens `DATABASE_URL`; the suite's PGlite belongs to
 * the running app): TEST_DATABASE_URL's name (or `test` on 127.0.0.1:5432) with `_rotate`,
 * created here and dropped afterwards.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { randomUUID } from 'node:crypto'
import { promisify } from 'node:util'
import pg from 'pg'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildKeyring, decryptCredentials, encryptCredentials, generateKey } from '../../server/lib/credentials-crypto'
import { ROOT } from '../support/app-process'
import { ownDatabase } from '../support/own-database'

const own = ownDatabase('rotate')
const { url } = own

const OLD = generateKey()
const NEW = generateKey()
const SECRETS = { secret_key: 'sk_test_rotate0123456789', webhook_secret: 'whsec_rotate0123456789' }
let pool: pg.Pool
const gatewayId = randomUUID()

/** The operator's command: the new key current, the old one still readable. */
async function rotate() {
  // A working directory without a development key, so only the keys given here are in the ring.
  const cwd = mkdtempSync(join(tmpdir(), 'rotate-'))
  const { stdout } = await promisify(execFile)(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'scripts/credentials-rotate.ts')], {
    cwd, env: { ...process.env, DATABASE_URL: url, NUXT_CREDENTIALS_KEY: NEW, NUXT_CREDENTIALS_OLD_KEYS: OLD, NODE_ENV: 'development' }, timeout: 60_000,
  })
  return stdout
}

const gatewayRow = async () => (await pool.query('select credentials_ciphertext, credentials_key_id from payment_gateways where kind = $1', ['stripe'])).rows[0]

beforeAll(async () => {
  await own.recreate()
  pool = new pg.Pool({ connectionString: url, max: 2 })
  await migrate(drizzle(pool) as any, { migrationsFolder: resolve(ROOT, 'drizzle') })
  // Saved as the gateway service saves it: bound to the row's id, under the old key.
  const sealed = encryptCredentials(buildKeyring(OLD), gatewayId, SECRETS)
  await pool.query('insert into payment_gateways (kind, id, credentials_ciphertext, credentials_key_id, settings) values ($1, $2, $3, $4, $5)',
    ['stripe', gatewayId, sealed.ciphertext, sealed.keyId, JSON.stringify({ sandbox: true })])
}, 120_000)

afterAll(async () => {
  await pool?.end()
  await own.drop()
})

describe('credentials:rotate and the payment gateway', () => {
  it('re-encrypts the Stripe keys under the new key; the old key is no longer needed', async () => {
    const before = await gatewayRow()
    expect(before.credentials_key_id).toBe(buildKeyring(OLD).current.id)
    const out = await rotate()
    expect(out).toContain('re-encrypted 1 payment gateway secret(s); 0 already current')
    const after = await gatewayRow()
    const newOnly = buildKeyring(NEW)
    expect(after.credentials_key_id).toBe(newOnly.current.id)
    expect(after.credentials_ciphertext).not.toBe(before.credentials_ciphertext)
    expect(decryptCredentials(newOnly, gatewayId, after.credentials_ciphertext, after.credentials_key_id)).toEqual(SECRETS)
    // Still bound to its row: the ciphertext opens under no other id.
    expect(() => decryptCredentials(newOnly, randomUUID(), after.credentials_ciphertext, after.credentials_key_id)).toThrow(/integrity/)
    // The settings beside the keys are untouched.
    expect((await pool.query('select settings from payment_gateways where kind = $1', ['stripe'])).rows[0].settings).toEqual({ sandbox: true })
  }, 90_000)

  it('a second run finds the keys current and changes nothing', async () => {
    const before = await gatewayRow()
    expect(await rotate()).toContain('re-encrypted 0 payment gateway secret(s); 1 already current')
    expect(await gatewayRow()).toEqual(before)
  }, 90_000)
})
