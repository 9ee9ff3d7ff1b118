import { getPlanView } from '../../services/portal/plans'
import { idParams } from '../../schemas/common'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, idParams)
  return getPlanView(id, user)
})
