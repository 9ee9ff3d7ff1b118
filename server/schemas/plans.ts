/** Portal plans (admins map them to upstream products). */
import { z } from 'zod'

export const planCatalogQuery = z.object({ account: z.string().min(1).max(40), plan: z.string().max(200).optional() })
