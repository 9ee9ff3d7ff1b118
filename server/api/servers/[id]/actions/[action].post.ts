import { z } from 'zod'
import { runAction } from '../../../../services/servers/actions'
import { actionParam } from '../../../../services/servers/schemas'
import { targetById } from '../../../../services/servers/target'

const Params = z.object({ id: uuidParam, action: actionParam })

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id, action } = validParams(event, Params)
  return runAction(await targetById(id, user), action, user)
})
