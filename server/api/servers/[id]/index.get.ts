import { getServerView } from '#server/services/servers/listing'
import { serverParams as Params, serverViewQuery as Query } from '#server/schemas/servers'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const { refresh } = validQuery(event, Query)
  return getServerView(id, user, { refresh: refresh === '1' || refresh === 'true' })
})
