import { and, desc, eq, isNull } from 'drizzle-orm'
import { useDb } from '../db/client'
import { apiTokens, users } from '../db/schema'
import { generateApiToken, hashApiToken } from '../lib/tokens'
import { httpError } from '../lib/http-errors'
import type { ApiToken } from '#shared/schemas/tokens'

export type TokenScope = 'read' | 'write'

export async function createApiToken(userId: string, name: string, expiresInDays?: number, scope: TokenScope = 'write') {
  const db = await useDb()
  const { token, hash, prefix } = generateApiToken()
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null
  const [row] = await db.insert(apiTokens).values({ userId, name: name.trim(), tokenHash: hash, prefix, expiresAt, scope }).returning()
  return { token, record: toPublicToken(row!) }
}

const iso = (d: Date | null) => d?.toISOString() ?? null

/** A token as the API answers one (never its hash): snake_case on the wire, as the seed's API. */
export function toPublicToken(t: typeof apiTokens.$inferSelect): ApiToken {
  return {
    id: t.id, name: t.name, prefix: t.prefix, scope: t.scope,
    created_at: t.createdAt.toISOString(), last_used_at: iso(t.lastUsedAt), expires_at: iso(t.expiresAt), revoked_at: iso(t.revokedAt),
  }
}

export async function listApiTokens(userId: string): Promise<ApiToken[]> {
  const db = await useDb()
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt))
  return rows.map(toPublicToken)
}

export async function revokeApiToken(userId: string, id: string) {
  const db = await useDb()
  const [row] = await db.update(apiTokens).set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))).returning()
  if (!row) throw httpError(404, 'Token not found')
  return toPublicToken(row)
}

/** A password reset or a disabled account ends every token of the user. */
export async function revokeUserTokens(userId: string): Promise<number> {
  const db = await useDb()
  const rows = await db.update(apiTokens).set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id })
  return rows.length
}

/** The user behind a live bearer token and the token's scope, or null (unknown, revoked, expired). */
export async function userForToken(token: string): Promise<{ user: typeof users.$inferSelect, scope: TokenScope } | null> {
  const db = await useDb()
  const [row] = await db.select({ token: apiTokens, user: users }).from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashApiToken(token)), isNull(apiTokens.revokedAt)))
  if (!row) return null
  if (row.token.expiresAt && row.token.expiresAt < new Date()) return null
  // Touch at most once a minute: a script polling every second should not write every second.
  if (!row.token.lastUsedAt || Date.now() - row.token.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.token.id))
  }
  return { user: row.user, scope: row.token.scope }
}
