import { listIntents } from '#server/services/exactly-once/review'
import { intentListQuery } from '#server/schemas/intents'

/** Exactly-once intents of money paths (admins): for the review page and for polling outcomes. */
export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const q = validQuery(event, intentListQuery)
  return listIntents({ states: q.state, ids: q.ids })
})
