import { z } from 'zod'
import { resizeServer } from '../../../services/servers/actions'
import { resizeBody } from '../../../services/servers/schemas'
import { targetById } from '../../../services/servers/target'

const Params = z.object({ id: uuidParam })

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, Params)
  const body = await validBody(event, resizeBody)
  return resizeServer(await targetById(id, admin), body, admin)
})
