import { z } from 'zod'
import { INTENT_STATES } from '../../../db/schema'
import { listIntents } from '../../../services/exactly-once/review'

const query = z.object({
  /** Comma-separated states, e.g. `needs_review` or `unknown,needs_review`. */
  state: z.string().max(200).optional().transform(v => v ? v.split(',').map(s => s.trim()).filter(Boolean) : undefined)
    .pipe(z.array(z.enum(INTENT_STATES)).optional()),
  ids: z.string().max(20_000).optional().transform(v => v ? v.split(',').map(s => s.trim()).filter(Boolean) : undefined)
    .pipe(z.array(z.string().uuid('ids holds intent ids')).max(200).optional()),
})

/** Exactly-once intents of money paths (admins): for the review page and for polling outcomes. */
export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const q = validQuery(event, query)
  return listIntents({ states: q.state, ids: q.ids })
})
