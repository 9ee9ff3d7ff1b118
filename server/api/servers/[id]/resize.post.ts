import { resizeServer } from '../../../services/servers/actions'
import { resizeBody } from '../../../services/servers/schemas'
import { targetById } from '../../../services/servers/target'
import { serverParams as Params } from '../../../schemas/servers'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, Params)
  const body = await validBody(event, resizeBody)
  return resizeServer(await targetById(id, admin), body, admin)
})
