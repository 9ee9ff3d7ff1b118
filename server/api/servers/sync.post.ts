import { syncNow } from '#server/services/servers/listing'
import { syncBody as Body } from '#server/schemas/servers'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const body = await validBody(event, Body)
  return syncNow(body)
})
