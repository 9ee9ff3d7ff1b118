import { z } from 'zod'
import { getPlanView } from '../../services/portal/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, z.object({ id: uuidParam }))
  return getPlanView(id, user)
})
