import { deleteServer } from '../../../services/servers/actions'
import { deleteQuery } from '../../../services/servers/schemas'
import { targetById } from '../../../services/servers/target'
import { serverParams as Params } from '../../../schemas/servers'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, Params)
  const { delay } = validQuery(event, deleteQuery)
  return deleteServer(await targetById(id, admin), { delay }, admin)
})
