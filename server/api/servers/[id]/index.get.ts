import { z } from 'zod'
import { getServerView } from '../../../services/servers/listing'

const Params = z.object({ id: uuidParam })
const Query = z.object({ refresh: z.enum(['0', '1', 'true', 'false']).optional() })

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const { refresh } = validQuery(event, Query)
  return getServerView(id, user, { refresh: refresh === '1' || refresh === 'true' })
})
