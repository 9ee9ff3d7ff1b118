/**
 * nuxt-auth-utils glue for server-side sessions:
 * - `fetch` (GET /api/_auth/session, also during SSR): the cookie only has `secure.sid`, so the user the
 *   browser sees is read from the database; a revoked session comes back empty and its cookie is cleared.
 * - `clear` (DELETE /api/_auth/session, clearUserSession): revoke the row too, so the cookie is dead
 *   even if someone kept a copy.
 */
import { revokeSession, resolveSession } from '../services/sessions'
import { mustEnrollTotp } from '../utils/auth'

export default defineNitroPlugin(() => {
  sessionHooks.hook('fetch', async (session, event) => {
    const sid = session.secure?.sid
    const live = typeof sid === 'string' ? await resolveSession(sid) : null
    if (!live) {
      for (const k of Object.keys(session)) delete (session as Record<string, unknown>)[k]
      await clearUserSession(event)
      return
    }
    const u = live.user
    session.user = { id: u.id, email: u.email, name: u.name, role: u.role, totp_enabled: !!u.totpEnabledAt, must_enroll_totp: await mustEnrollTotp(u) }
    if (live.impersonator) session.impersonator = live.impersonator
    else delete session.impersonator
  })
  sessionHooks.hook('clear', async (session) => {
    const sid = session.secure?.sid
    if (typeof sid === 'string') await revokeSession(sid)
  })
})
