import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm'
import { useDb } from '../db/client'
import { users, type User } from '../db/schema'
import { hashPassword, verifyPassword } from '../lib/passwords'
import { httpError } from '../lib/http-errors'

export type PublicUser = Pick<User, 'id' | 'email' | 'name' | 'role' | 'disabled' | 'createdAt' | 'lastLoginAt'>

export function toPublicUser(u: User): PublicUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled, createdAt: u.createdAt, lastLoginAt: u.lastLoginAt }
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

/** Stamps lastLoginAt once a sign-in is granted (not for a refused one); the row as it now is. */
export async function recordLogin(id: string): Promise<User> {
  const db = await useDb()
  const [u] = await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, id)).returning()
  return u!
}

let dummy: Promise<string> | undefined
const dummyHash = () => (dummy ??= hashPassword('not-a-real-password'))

export async function listUsers(opts: { role?: 'admin' | 'customer', q?: string } = {}) {
  const db = await useDb()
  const conds = []
  if (opts.role) conds.push(eq(users.role, opts.role))
  if (opts.q) conds.push(or(ilike(users.email, `%${opts.q}%`), ilike(users.name, `%${opts.q}%`)))
  const rows = await db.select().from(users).where(conds.length ? and(...conds) : undefined).orderBy(asc(users.createdAt))
  return rows.map(toPublicUser)
}

export async function updateUser(id: string, patch: { name?: string, email?: string, password?: string, disabled?: boolean, role?: 'admin' | 'customer' }) {
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
  return toPublicUser(u!)
}
