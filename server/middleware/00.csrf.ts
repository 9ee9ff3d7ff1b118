/** Refuses possibly forged state-changing /api requests (see server/lib/csrf.ts) with 403 `csrf`. */
import { csrfRefusal } from '../lib/csrf'
import { httpError } from '../lib/http-errors'

export default defineEventHandler((event) => {
  if (!event.path.startsWith('/api/')) return
  const cookieName = (useRuntimeConfig(event).session as { name?: string } | undefined)?.name
  const reason = csrfRefusal(event, cookieName || undefined)
  if (reason) throw httpError(403, reason, 'csrf')
})
