/**
 * Who is calling: a sealed-cookie session (the browser) or `Authorization: Bearer <token>`
 * (scripts). The user row is re-read on every request so a disabled account or a changed role
 * takes effect at once.
 */
import type { H3Event } from 'h3'
import { getHeader } from 'h3'
import { httpError } from '../lib/http-errors'
import { userForToken } from '../services/api-tokens'
import { getUser } from '../services/users'
import type { User } from '../db/schema'

export async function currentUser(event: H3Event): Promise<User | null> {
  if (event.context.user !== undefined) return event.context.user
  let user: User | null = null
  const auth = getHeader(event, 'authorization')
  if (auth?.startsWith('Bearer ')) {
    user = await userForToken(auth.slice(7).trim())
    event.context.authVia = 'token'
  }
  else {
    const session = await getUserSession(event)
    if (session.user?.id) user = (await getUser(session.user.id)) ?? null
    event.context.authVia = 'session'
  }
  if (user?.disabled) user = null
  event.context.user = user
  return user
}

export async function requireUser(event: H3Event): Promise<User> {
  const user = await currentUser(event)
  if (!user) throw httpError(401, 'Sign in or send a valid API token (Authorization: Bearer <token>)', 'unauthenticated')
  return user
}

export async function requireAdmin(event: H3Event): Promise<User> {
  const user = await requireUser(event)
  if (user.role !== 'admin') throw httpError(403, 'Only administrators can do this', 'forbidden')
  return user
}
