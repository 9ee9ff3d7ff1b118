import { deleteServer } from '#server/services/servers/actions'
import { deleteQuery } from '#server/services/servers/schemas'
import { targetById } from '#server/services/servers/target'
import { serverParams as Params } from '#server/schemas/servers'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, Params)
  const { delay } = validQuery(event, deleteQuery)
  return deleteServer(await targetById(id, admin), { delay }, admin)
})
