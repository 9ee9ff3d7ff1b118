import { z } from 'zod'
import { listUsers } from '../../services/users'

const Query = z.object({ role: z.enum(['admin', 'customer']).optional(), q: z.string().max(100).optional() })

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  return listUsers(validQuery(event, Query))
})
