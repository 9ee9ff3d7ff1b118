import { resizeServer } from '#server/services/servers/actions'
import { resizeBody } from '#server/services/servers/schemas'
import { targetById } from '#server/services/servers/target'
import { serverParams as Params } from '#server/schemas/servers'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, Params)
  const body = await validBody(event, resizeBody)
  return resizeServer(await targetById(id, admin), body, admin)
})
