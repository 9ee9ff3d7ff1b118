import { getPlanView } from '#server/services/portal/plans'
import { idParams } from '#server/schemas/common'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, idParams)
  return getPlanView(id, user)
})
