import { listQuerySchema } from '#server/services/servers/filters'
import { listServersJson } from '#server/services/servers/listing'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const q = validQuery(event, listQuerySchema)
  // Already JSON text (kept between listings): sent as it is, with the type h3 gives an object.
  setResponseHeader(event, 'content-type', 'application/json')
  return listServersJson(q, user)
})
