import { listQuerySchema } from '#server/services/servers/filters'
import { listServers } from '#server/services/servers/listing'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const q = validQuery(event, listQuerySchema)
  return listServers(q, user)
})
