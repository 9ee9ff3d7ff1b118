import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm'
import { useDb } from '../db/client'
import { users, type User } from '../db/schema'
import { hashPassword, verifyPassword } from '../lib/passwords'
import { httpError } from '../lib/http-errors'
import { forgetUser, revokeUserSessions } from './sessions'
import { revokeUserTokens } from './api-tokens'
import type { Locale, PublicUser } from '#shared/schemas/users'

/** A user as the API answers one: snake_case on the wire, as the seed's API; never a secret. */
export function toPublicUser(u: User): PublicUser {
  return {
    id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled,
    created_at: u.createdAt.toISOString(), last_login_at: u.lastLoginAt?.toISOString() ?? null,
    locale: u.locale === 'en' || u.locale === 'ru' ? u.locale : null,
  }
}

export const normalizeEmail = (e: string) => e.trim().toLowerCase()

export async function countUsers(): Promise<number> {
  const db = await useDb()
  const [row] = await db.select({ n: count() }).from(users)
  return Number(row?.n ?? 0)
}

export async function findUserByEmail(email: string) {
  const db = await useDb()
  const [u] = await db.select().from(users).where(eq(users.email, normalizeEmail(email)))
  return u
}

export async function getUser(id: string) {
  const db = await useDb()
  const [u] = await db.select().from(users).where(eq(users.id, id))
  return u
}

export async function createUser(input: { email: string, name: string, password: string, role: 'admin' | 'customer' }): Promise<User> {
  const db = await useDb()
  const email = normalizeEmail(input.email)
  if (await findUserByEmail(email)) throw httpError(409, `A user with the email ${email} already exists`, 'email_taken')
  const [u] = await db.insert(users).values({ email, name: input.name.trim(), role: input.role, passwordHash: await hashPassword(input.password) }).returning()
  return u!
}

/**
 * The first admin, only while there is no user at all. A transaction-scoped advisory lock keeps
 * two simultaneous setups from both succeeding.
 */
export async function createFirstAdmin(input: { email: string, name: string, password: string }): Promise<User> {
  const db = await useDb()
  const passwordHash = await hashPassword(input.password)
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(424242)`)
    const [row] = await tx.select({ n: count() }).from(users)
    if (Number(row?.n ?? 0) > 0) throw httpError(409, 'Setup is already done: an account exists. Sign in instead.', 'already_set_up')
    const [u] = await tx.insert(users).values({ email: normalizeEmail(input.email), name: input.name.trim(), role: 'admin', passwordHash }).returning()
    return u!
  })
}

export async function authenticate(email: string, password: string): Promise<User | null> {
  const u = await findUserByEmail(email)
  // Verify against a dummy hash when the user is missing, so timing does not reveal which emails exist.
  if (!u) {
    await verifyPassword(await dummyHash(), password).catch(() => false)
    return null
  }
  if (!(await verifyPassword(u.passwordHash, password))) return null
  return u
}

/** Stamps a completed sign-in (password, 2FA, not disabled) and returns the fresh row. */
export async function recordLogin(id: string): Promise<User> {
  const db = await useDb()
  const [u] = await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, id)).returning()
  return u!
}

/**
 * The user changes their own password: the current one is checked, every other session and every
 * API token ends (a leaked password or token should not outlive the change), `keepSession` stays.
 */
export async function changeOwnPassword(u: User, current: string, next: string, keepSession?: string) {
  if (!(await verifyPassword(u.passwordHash, current))) throw httpError(400, 'The current password is wrong', 'invalid_current_password')
  const db = await useDb()
  await db.update(users).set({ passwordHash: await hashPassword(next), updatedAt: new Date() }).where(eq(users.id, u.id))
  await revokeUserSessions(u.id, keepSession)
  await revokeUserTokens(u.id)
}

let dummy: Promise<string> | undefined
const dummyHash = () => (dummy ??= hashPassword('not-a-real-password'))

export async function listUsers(opts: { role?: 'admin' | 'customer', q?: string } = {}): Promise<PublicUser[]> {
  const db = await useDb()
  const conds = []
  if (opts.role) conds.push(eq(users.role, opts.role))
  if (opts.q) conds.push(or(ilike(users.email, `%${opts.q}%`), ilike(users.name, `%${opts.q}%`)))
  const rows = await db.select().from(users).where(conds.length ? and(...conds) : undefined).orderBy(asc(users.createdAt))
  return rows.map(toPublicUser)
}

export async function updateUser(id: string, patch: { name?: string, email?: string, password?: string, disabled?: boolean, role?: 'admin' | 'customer' }): Promise<PublicUser> {
  const db = await useDb()
  const existing = await getUser(id)
  if (!existing) throw httpError(404, 'User not found')
  const set: Partial<User> = { updatedAt: new Date() }
  if (patch.name !== undefined) set.name = patch.name.trim()
  if (patch.email !== undefined) {
    const email = normalizeEmail(patch.email)
    const other = await findUserByEmail(email)
    if (other && other.id !== id) throw httpError(409, `A user with the email ${email} already exists`, 'email_taken')
    set.email = email
  }
  if (patch.password !== undefined) set.passwordHash = await hashPassword(patch.password)
  if (patch.disabled !== undefined) set.disabled = patch.disabled
  if (patch.role !== undefined) set.role = patch.role
  const [u] = await db.update(users).set(set).where(eq(users.id, id)).returning()
  // A reset password or a disabled account ends every session and token; a role change ends the
  // sessions (they sign in again under the new role). Re-enabling revives nothing: the rows stay revoked.
  const passwordReset = patch.password !== undefined
  const disabled = patch.disabled === true && !existing.disabled
  const roleChanged = patch.role !== undefined && patch.role !== existing.role
  if (passwordReset || disabled || roleChanged) await revokeUserSessions(id)
  else forgetUser(id)
  if (passwordReset || disabled) await revokeUserTokens(id)
  return toPublicUser(u!)
}

/** The caller's own panel language, kept for every device they sign in on and for API error sentences. */
export async function setUserLocale(id: string, locale: Locale): Promise<void> {
  const db = await useDb()
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, id))
  forgetUser(id)
}
