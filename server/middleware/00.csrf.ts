/** Refuses possibly forged state-changing /api requests (see server/lib/csrf.ts) with 403 `csrf`. */
import { csrfRefusal } from '../lib/csrf'
import { httpError } from '../lib/http-errors'

export default defineEventHandler((event) => {
  if (!event.path.startsWith('/api/')) return
  // Not useRuntimeConfig(event): that copies the whole config and re-reads the environment for
  // each request (a quarter of a small request's time); the cookie's name never changes.
  const cookieName = (useRuntimeConfig().session as { name?: string } | undefined)?.name
  const reason = csrfRefusal(event, cookieName || undefined)
  if (reason) throw httpError(403, reason, 'csrf')
})
