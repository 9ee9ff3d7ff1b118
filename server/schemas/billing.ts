/** Billing across provider accounts. */
import { z } from 'zod'

export const billingHistoryQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(90) })
