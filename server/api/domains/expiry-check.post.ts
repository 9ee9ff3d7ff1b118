import { runExpiryCheck } from '#server/services/domains/expiry'

/** Runs the daily `domains.expiry` job now, inline, and says what it found. */
export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  return runExpiryCheck()
})
