/** Admin review of exactly-once intents (server/services/exactly-once/review.ts). */
import { z } from 'zod'
import { INTENT_STATES } from '../db/schema'

export const intentListQuery = z.object({
  /** Comma-separated states, e.g. `needs_review` or `unknown,needs_review`. */
  state: z.string().max(200).optional().transform(v => v ? v.split(',').map(s => s.trim()).filter(Boolean) : undefined)
    .pipe(z.array(z.enum(INTENT_STATES)).optional()),
  ids: z.string().max(20_000).optional().transform(v => v ? v.split(',').map(s => s.trim()).filter(Boolean) : undefined)
    .pipe(z.array(z.string().uuid('ids holds intent ids')).max(200).optional()),
})

export const intentAttachBody = z.object({ upstream_id: z.union([z.string(), z.number()]).transform(v => String(v).trim()).pipe(z.string().min(1, 'upstream_id is required').max(200)) }).strict()
