/**
 * Who is calling: a browser session (sealed cookie holding only `secure.sid`, checked against the
 * `sessions` table on every request) or `Authorization: Bearer <token>` (scripts). The user row
 * is re-read with the session, so a disabled account or a changed role takes effect at once.
 */
import type { H3Event } from 'h3'
import { getHeader } from 'h3'
import { httpError } from '../lib/http-errors'
import { userForToken, type TokenScope } from '../services/api-tokens'
import { getSetting } from '../services/app-settings'
import { reauthIsRecent, resolveSession, type Impersonator } from '../services/sessions'
import { sessionIdFromCookie } from './session-cookie'
import type { User, sessions } from '../db/schema'

declare module 'h3' {
  interface H3EventContext {
    user?: User | null
    authVia?: 'token' | 'session'
    tokenScope?: TokenScope
    browserSession?: typeof sessions.$inferSelect
    /** The admin behind a "sign in as" session. */
    impersonator?: Impersonator | null
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** What an admin who must set up 2FA can still reach: signing in/out, 2FA set-up, own sessions. */
const ENROLLMENT_PATHS = /^\/api\/(auth\/|_auth\/|sessions(\/|$)|setup\/status$)/
/** What an admin signed in as a customer may not change: the customer's own credentials and tokens. */
const CREDENTIAL_PATHS = /^\/api\/(auth\/(password|totp|reauth)|tokens)(\/|$)/

export async function currentUser(event: H3Event): Promise<User | null> {
  if (event.context.user !== undefined) return event.context.user
  let user: User | null = null
  const auth = getHeader(event, 'authorization')
  if (auth?.startsWith('Bearer ')) {
    const found = await userForToken(auth.slice(7).trim())
    user = found?.user ?? null
    event.context.tokenScope = found?.scope
    event.context.authVia = 'token'
  }
  else {
    const sid = await sessionIdFromCookie(event)
    const live = sid ? await resolveSession(sid) : null
    if (live) {
      user = live.user
      event.context.browserSession = live.session
      event.context.impersonator = live.impersonator
    }
    event.context.authVia = 'session'
  }
  if (user?.disabled) user = null
  event.context.user = user
  return user
}

/** True when this admin must set up 2FA before doing anything else (the admin setting). */
export async function mustEnrollTotp(user: User): Promise<boolean> {
  return user.role === 'admin' && !user.totpEnabledAt && await getSetting('require_admin_2fa')
}

export async function requireUser(event: H3Event): Promise<User> {
  const user = await currentUser(event)
  if (!user) throw httpError(401, 'Sign in or send a valid API token (Authorization: Bearer <token>)', 'unauthenticated')
  if (event.context.authVia === 'token' && event.context.tokenScope === 'read' && !SAFE_METHODS.has(event.method)) {
    throw httpError(403, 'This API token is read-only: create a token with the write scope for changes', 'insufficient_scope')
  }
  if (event.context.browserSession?.impersonatorId && !SAFE_METHODS.has(event.method) && CREDENTIAL_PATHS.test(event.path.split('?')[0]!)) {
    throw httpError(403, 'Signed in as a customer, you cannot change their password, two-factor settings or API tokens', 'impersonation_forbidden')
  }
  if (event.context.authVia === 'session' && !ENROLLMENT_PATHS.test(event.path.split('?')[0]!) && await mustEnrollTotp(user)) {
    throw httpError(403, 'Administrators must set up two-factor authentication first (Account → Security)', 'totp_setup_required')
  }
  return user
}

export async function requireAdmin(event: H3Event): Promise<User> {
  const user = await requireUser(event)
  if (user.role !== 'admin') throw httpError(403, 'Only administrators can do this', 'forbidden')
  return user
}

/**
 * Secrets (root passwords, provider credentials): a browser session must have typed the password
 * or a TOTP code within the last 5 minutes (POST /api/auth/reauth); a token must have the write
 * scope (a read token never gets here on POST, but a GET reveal would).
 */
export async function requireRecentAuth(event: H3Event): Promise<void> {
  await requireUser(event)
  if (event.context.authVia === 'token') {
    if (event.context.tokenScope !== 'write') throw httpError(403, 'This needs an API token with the write scope', 'insufficient_scope')
    return
  }
  const s = event.context.browserSession
  if (!s || !reauthIsRecent(s)) throw httpError(403, 'Confirm your password to continue', 'reauth_required')
}
