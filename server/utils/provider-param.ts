import { z } from 'zod'

export const providerParam = z.object({ provider: z.string().min(1).max(40) })
