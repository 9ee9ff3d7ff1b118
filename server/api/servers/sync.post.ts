import { z } from 'zod'
import { syncNow } from '../../services/servers/listing'

const Body = z.object({ account: z.string().trim().min(1).max(40).optional(), wait: z.boolean().optional() }).strict()

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const body = await validBody(event, Body)
  return syncNow(body)
})
