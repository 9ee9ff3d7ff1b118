import { useDbHandle } from '../db/client'

/**
 * Liveness for load balancers and the test harness: `{ ok }` to anyone. Which database runs
 * the panel is for administrators only (it tells an attacker what to aim at).
 */
export default defineEventHandler(async (event) => {
  const h = await useDbHandle()
  try { await h.executeSql('select 1') }
  catch {
    setResponseStatus(event, 503)
    return { ok: false }
  }
  const user = await currentUser(event).catch(() => null)
  return user?.role === 'admin' ? { ok: true, status: 'ok', database: h.kind } : { ok: true }
})
