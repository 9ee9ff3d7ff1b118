import { reinstallServer } from '../../../services/servers/actions'
import { reinstallBody } from '../../../services/servers/schemas'
import { targetById } from '../../../services/servers/target'
import { serverParams as Params } from '../../../schemas/servers'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const body = await validBody(event, reinstallBody)
  return reinstallServer(await targetById(id, user), body, user)
})
