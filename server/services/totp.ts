/**
 * TOTP two-factor sign-in (otplib, RFC 6238: 6 digits, 30 s) with one-time recovery codes.
 *
 * The secret is a secret: it is stored AES-256-GCM encrypted with the provider-credentials keyring
 * (NUXT_CREDENTIALS_KEY), bound to the user by the AAD "provider_account:user-totp:<user id>".
 * Recovery codes are shown once and stored as sha256.
 */
import { createHash, randomBytes } from 'node:crypto'
import { and, eq, isNull, lt, or } from 'drizzle-orm'
import { generateSecret, generateURI, verify } from 'otplib'
import { useDb } from '../db/client'
import { recoveryCodes, users, type User } from '../db/schema'
import { decryptCredentials, encryptCredentials, loadKeyring } from '../lib/credentials-crypto'
import { httpError } from '../lib/http-errors'
import { forgetUser } from './sessions'
import { env } from '../lib/config'

const ISSUER = () => env().TOTP_ISSUER
const RECOVERY_CODE_COUNT = 10
/** One step either side, for phones whose clock is a little off. */
const EPOCH_TOLERANCE = 30

const aadId = (userId: string) => `user-totp:${userId}`
const ring = () => loadKeyring({ production: !import.meta.dev })

function secretOf(u: User): string | null {
  if (!u.totpSecretCiphertext || !u.totpKeyId) return null
  return decryptCredentials(ring(), aadId(u.id), u.totpSecretCiphertext, u.totpKeyId).secret ?? null
}

/** A new secret for the user to scan; replaces an unfinished set-up, refused once 2FA is on. */
export async function startTotpSetup(u: User): Promise<{ secret: string, otpauth_url: string }> {
  if (u.totpEnabledAt) throw httpError(409, 'Two-factor authentication is already on; turn it off first to set up a new device', 'totp_already_enabled')
  const secret = generateSecret()
  const { ciphertext, keyId } = encryptCredentials(ring(), aadId(u.id), { secret })
  const db = await useDb()
  await db.update(users).set({ totpSecretCiphertext: ciphertext, totpKeyId: keyId, updatedAt: new Date() }).where(eq(users.id, u.id))
  forgetUser(u.id)
  return { secret, otpauth_url: generateURI({ issuer: ISSUER(), label: u.email, secret }) }
}

/**
 * A current code, accepted once: its time step must be newer than the last accepted one, and the
 * conditional update makes two racing uses of the same code count once.
 */
export async function totpCodeIsValid(u: User, code: string): Promise<boolean> {
  const secret = secretOf(u)
  if (!secret || !/^\d{6}$/.test(code)) return false
  const r = await verify({ secret, token: code, epochTolerance: EPOCH_TOLERANCE, afterTimeStep: u.totpLastStep ?? undefined })
  if (!r.valid) return false
  // otplib's verify is typed for HOTP and TOTP alike; a TOTP result carries the step it matched.
  const step = (r as { timeStep: number }).timeStep
  const db = await useDb()
  const claimed = await db.update(users).set({ totpLastStep: step })
    .where(and(eq(users.id, u.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id })
  forgetUser(u.id)
  return claimed.length > 0
}

/** Turns 2FA on once the user proves their app has the secret; returns the recovery codes (shown once). */
export async function enableTotp(u: User, code: string): Promise<string[]> {
  if (u.totpEnabledAt) throw httpError(409, 'Two-factor authentication is already on', 'totp_already_enabled')
  if (!u.totpSecretCiphertext) throw httpError(400, 'Start the set-up first (POST /api/auth/totp/setup)', 'totp_not_set_up')
  if (!(await totpCodeIsValid(u, code.trim()))) throw httpError(400, 'That code is not right; check the time on your phone and try the current code', 'invalid_totp_code')
  const db = await useDb()
  await db.update(users).set({ totpEnabledAt: new Date(), updatedAt: new Date() }).where(eq(users.id, u.id))
  forgetUser(u.id)
  return replaceRecoveryCodes(u.id)
}

export async function disableTotp(u: User) {
  const db = await useDb()
  await db.update(users).set({ totpEnabledAt: null, totpSecretCiphertext: null, totpKeyId: null, totpLastStep: null, updatedAt: new Date() }).where(eq(users.id, u.id))
  forgetUser(u.id)
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, u.id))
}

const normalizeRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '')
const hashRecovery = (code: string) => createHash('sha256').update(normalizeRecovery(code)).digest('hex')

function newRecoveryCode(): string {
  // 10 base32 characters (50 bits), shown as xxxxx-xxxxx.
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'
  const bytes = randomBytes(10)
  const s = Array.from(bytes, b => alphabet[b % alphabet.length]).join('')
  return `${s.slice(0, 5)}-${s.slice(5)}`
}

export async function replaceRecoveryCodes(userId: string): Promise<string[]> {
  const db = await useDb()
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  await db.insert(recoveryCodes).values(codes.map(c => ({ userId, codeHash: hashRecovery(c) })))
  return codes
}

/** Spends a recovery code: true once per code (the update is atomic, so two racing uses get one). */
async function useRecoveryCode(userId: string, code: string): Promise<boolean> {
  const db = await useDb()
  const rows = await db.update(recoveryCodes).set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecovery(code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id })
  return rows.length > 0
}

/** A second factor at sign-in: a current TOTP code, or an unused recovery code. */
export async function checkSecondFactor(u: User, code: string): Promise<'totp' | 'recovery' | null> {
  const c = code.trim()
  if (/^\d{6}$/.test(c)) return (await totpCodeIsValid(u, c)) ? 'totp' : null
  if (normalizeRecovery(c).length === 10 && await useRecoveryCode(u.id, c)) return 'recovery'
  return null
}
