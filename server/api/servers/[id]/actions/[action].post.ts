import { runAction } from '../../../../services/servers/actions'
import { targetById } from '../../../../services/servers/target'
import { serverActionParams as Params } from '../../../../schemas/servers'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id, action } = validParams(event, Params)
  return runAction(await targetById(id, user), action, user)
})
