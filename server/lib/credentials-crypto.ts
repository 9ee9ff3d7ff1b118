/**
 * Provider credentials at rest.
 *
 *   ciphertext = base64( iv[12] | tag[16] | AES-256-GCM(key, iv, aad = "provider_account:<id>", json) )
 *   key id     = first 12 hex chars of sha256(key), stored beside the ciphertext
 *
 * The AAD binds a ciphertext to its row, so one account's secret cannot be pasted into another.
 * The keyring holds the current key (NUXT_CREDENTIALS_KEY) plus older ones
 * (NUXT_CREDENTIALS_OLD_KEYS, comma-separated) so `npm run credentials:rotate` can re-encrypt.
 * In development without a key, one is generated into .data/credentials.key (mode 0600).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { env } from './config'

export interface Keyring { current: { id: string, key: Buffer }, all: Map<string, Buffer> }

export class CredentialsKeyError extends Error {}

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12)
}

export function parseKey(b64: string, name = 'NUXT_CREDENTIALS_KEY'): Buffer {
  const key = Buffer.from(b64.trim(), 'base64')
  if (key.length !== 32) throw new CredentialsKeyError(`${name} must be 32 bytes encoded in base64 (got ${key.length} bytes); generate one with: openssl rand -base64 32`)
  return key
}

export function generateKey(): string {
  return randomBytes(32).toString('base64')
}

export function buildKeyring(currentB64: string, oldB64: string[] = []): Keyring {
  const current = parseKey(currentB64)
  const all = new Map<string, Buffer>()
  for (const k of oldB64.filter(Boolean)) {
    const b = parseKey(k, 'NUXT_CREDENTIALS_OLD_KEYS')
    all.set(keyId(b), b)
  }
  all.set(keyId(current), current)
  return { current: { id: keyId(current), key: current }, all }
}

let cached: Keyring | undefined

/** The keyring from the environment; generates a dev key when allowed. */
export function loadKeyring(opts: { production?: boolean, dataDir?: string } = {}): Keyring {
  if (cached) return cached
  const { NUXT_CREDENTIALS_KEY: key, NUXT_CREDENTIALS_OLD_KEYS: old } = env()
  if (key) return (cached = buildKeyring(key, old))
  if (opts.production) throw new CredentialsKeyError('NUXT_CREDENTIALS_KEY is not set: refusing to start in production without a key to encrypt provider credentials (generate one with: openssl rand -base64 32)')
  const file = resolve(opts.dataDir ?? resolve(process.cwd(), '.data'), 'credentials.key')
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, generateKey() + '\n', { mode: 0o600 })
    console.warn(`[credentials] NUXT_CREDENTIALS_KEY is not set: generated a development key in ${file}. Set NUXT_CREDENTIALS_KEY in production.`)
  }
  chmodSync(file, 0o600)
  return (cached = buildKeyring(readFileSync(file, 'utf8'), old))
}

const aadFor = (accountId: string) => Buffer.from(`provider_account:${accountId}`)

export function encryptCredentials(ring: Keyring, accountId: string, data: Record<string, string>): { ciphertext: string, keyId: string } {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', ring.current.key, iv)
  cipher.setAAD(aadFor(accountId))
  const ct = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()])
  return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64'), keyId: ring.current.id }
}

export function decryptCredentials(ring: Keyring, accountId: string, ciphertext: string, id: string): Record<string, string> {
  const key = ring.all.get(id)
  if (!key) throw new CredentialsKeyError(`credentials were encrypted with key ${id}, which is not in the keyring (set NUXT_CREDENTIALS_OLD_KEYS)`)
  const buf = Buffer.from(ciphertext, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12))
  decipher.setAAD(aadFor(accountId))
  decipher.setAuthTag(buf.subarray(12, 28))
  try {
    return JSON.parse(Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8'))
  }
  catch {
    throw new CredentialsKeyError('stored credentials failed their integrity check (tampered with, or encrypted for another account)')
  }
}

/** `••••abcd`: all a browser ever sees of a secret. */
export function maskSecret(value: string | undefined | null): string | null {
  if (!value) return null
  return value.length <= 4 ? '••••' : `••••${value.slice(-4)}`
}
